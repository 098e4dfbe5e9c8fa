using System.Text;
using AwsCore.Auth;

namespace AwsCore.Tests.Auth;

/// <summary>The UTF-8 signing buffer writes what the StringBuilder-then-encode path wrote, folding header values as botocore does.</summary>
public sealed class SigningBufferTests
{
    [Fact]
    public void FoldingEveryCharacterMatchesTheReference()
    {
        var writer = new SigningBuffer.Writer(4);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            foreach (var value in new[] { "a" + ch + "b", ch + "x" + ch, "" + ch + ch + "y  z" + ch })
            {
                writer.Clear();
                writer.AppendFolded(value);
                Assert.Equal(ReferenceFold(value), writer.ToText());
            }
        }
    }

    [Theory]
    [InlineData("  leading and trailing  ", "leading and trailing")]
    [InlineData("a\t\tb\r\nc", "a b c")]
    [InlineData("plain-value/1.0 (x; y)", "plain-value/1.0 (x; y)")]
    [InlineData("caf\u00e9\u00a0\u00a0cr\u00e8me", "caf\u00e9 cr\u00e8me")]
    [InlineData("\U0001F600 smile", "\U0001F600 smile")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    public void FoldsHeaderValues(string value, string expected)
    {
        var writer = new SigningBuffer.Writer(2);
        writer.AppendFolded(value);
        Assert.Equal(expected, writer.ToText());
        Assert.Equal(Encoding.UTF8.GetBytes(expected), writer.Bytes.AsSpan(0, writer.Length).ToArray());
    }

    [Fact]
    public void LoneSurrogatesBecomeTheReplacementCharacterAsTheEncoderMakesThem()
    {
        foreach (var value in new[] { "a\ud800b", "a\udc00", "\ud83d", "x\ud83d\ude00\ud83d" })
        {
            var writer = new SigningBuffer.Writer(1);
            writer.AppendFolded(value);
            Assert.Equal(Encoding.UTF8.GetBytes(value), writer.Bytes.AsSpan(0, writer.Length).ToArray());
            writer.Clear();
            writer.Append(value);
            Assert.Equal(Encoding.UTF8.GetBytes(value), writer.Bytes.AsSpan(0, writer.Length).ToArray());
        }
    }

    [Fact]
    public void AppendsGrowTheBufferAndKeepWhatWasWritten()
    {
        var writer = new SigningBuffer.Writer(1);
        var expected = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            writer.Append('/');
            writer.Append("seg\u00fcment" + i);
            writer.AppendUpperInvariant("get");
            writer.AppendHex(new byte[] { 0x00, 0xab, (byte)i });
            expected.Append('/').Append("seg\u00fcment" + i).Append("GET").Append("00ab").Append(((byte)i).ToString("x2"));
        }
        Assert.Equal(expected.ToString(), writer.ToText());
        Assert.DoesNotContain("seg", writer.ToString());
    }

    [Fact]
    public void UpperCasesMethodsLikeToUpperInvariant()
    {
        foreach (var method in new[] { "get", "Post", "PUT", "patch", "m\u00e9thode" })
        {
            var writer = new SigningBuffer.Writer(8);
            writer.AppendUpperInvariant(method);
            Assert.Equal(method.ToUpperInvariant(), writer.ToText());
        }
    }

    /// <summary>The fold as the StringBuilder path did it: Python's str.split() whitespace, joined by one space, then UTF-8.</summary>
    private static string ReferenceFold(string value)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f'))
            {
                if (current.Length > 0) parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0) parts.Add(current.ToString());
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(string.Join(" ", parts)));
    }
}
