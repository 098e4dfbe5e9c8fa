using System.Text.Json;
using AwsCore.Config;
using AwsCore.Tests.Auth;

namespace AwsCore.Tests.Config;

/// <summary>Tricky config files parsed by AwsCore and by botocore.configloader.load_config give the same profiles, sso-sessions and services.</summary>
public sealed class IniParserBotocoreDifferentialTests
{
    public static IEnumerable<object[]> Files() => new[]
    {
        new object[] { "[default]\nregion = us-east-1\noutput=json\n\n[profile dev]\nregion: eu-west-1\n# comment\n; other comment\naws_access_key_id = AKIA # not a comment\n" },
        new object[] { "[default]\ns3 =\n    addressing_style = path\n    signature_version=s3v4\n\n  max_concurrent_requests = 10\nregion = us-west-2\n" },
        new object[] { "[profile  spaced ]\nKEY = Value With  Spaces  \nmulti = first\n  second line\n\n  third after blank\nnext = x\n" },
        new object[] { "[profile \"quoted name\"]\nregion = ap-south-1\n[sso-session my-sso]\nsso_region = us-east-1\nsso_start_url = https://x.awsapps.com/start\n[services svc]\ndynamodb =\n  endpoint_url = http://localhost:8000\n[profile a b c]\nregion = ignored\n[profilex y]\nregion = oddly-accepted\n" },
        new object[] { "[DEFAULT]\nregion = from-defaults\n[default]\noutput = text\n[profile p]\nregion = own\n[profile default]\nregion = second-default\n" },
        new object[] { "[default]\r\nregion = crlf-region\r\nkey=a=b:c\r\nempty =\r\ncolon: x = y\r\n" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void ProfilesMatchBotocore(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "awscore-ini-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, text);
        try
        {
            var ours = SharedConfigFiles.Load(path, path + ".absent");
            var script = $$"""
import json
from botocore import configloader
print(json.dumps(configloader.load_config({{JsonSerializer.Serialize(path)}})))
""";
            var expected = JsonDocument.Parse(PythonOracle.Run(script)).RootElement;
            AssertSame("profiles", expected.GetProperty("profiles"), ours.Profiles);
            AssertSame("sso_sessions", expected.GetProperty("sso_sessions"), ours.SsoSessions);
            AssertSame("services", expected.GetProperty("services"), ours.Services);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("region = x\n[default]\n", 1, "before any [section]")]
    [InlineData("[default]\nregion = a\n[default]\n", 3, "appears twice")]
    [InlineData("[default]\nregion = a\nREGION = b\n", 3, "appears twice")]
    [InlineData("[default]\nregion = a\nthis line has no delimiter\n", 3, "key = value")]
    [InlineData("[default]\ns3 =\n  no_equals_here\n", 3, "has no '='")]
    [InlineData("\uFEFF[default]\nregion = a\n", 1, "before any [section]")]
    public void BrokenFilesNameFileAndLineAsBotocoreRejectsThem(string text, int line, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), "awscore-bad-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, text);
        try
        {
            var e = Assert.Throws<ConfigFileException>(() => SharedConfigFiles.Load(path, path + ".absent"));
            Assert.Equal(path, e.FilePath);
            Assert.Equal(line, e.Line);
            Assert.Contains(message, e.Message);
            Assert.Contains(path + " line " + line, e.Message);
            var botocore = PythonOracle.Run($$"""
from botocore import configloader, exceptions
try:
    configloader.load_config({{JsonSerializer.Serialize(path)}})
    print('accepted')
except exceptions.ConfigParseError:
    print('rejected')
""");
            Assert.Equal("rejected", botocore.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InvalidUtf8IsReportedWithItsLine()
    {
        var path = Path.Combine(Path.GetTempPath(), "awscore-bytes-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, new byte[] { (byte)'[', (byte)'a', (byte)']', 10, (byte)'k', (byte)'=', 10, (byte)'x', (byte)'=', 0xC3, 0x28, 10 });
        try
        {
            var e = Assert.Throws<ConfigFileException>(() => SharedConfigFiles.Load(path, path + ".absent"));
            Assert.Equal(3, e.Line);
            Assert.Contains("UTF-8", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertSame(string what, JsonElement expected, Dictionary<string, Dictionary<string, IniValue>> actual)
    {
        Assert.True(expected.EnumerateObject().Count() == actual.Count,
            $"{what}: botocore has [{string.Join(", ", expected.EnumerateObject().Select(p => p.Name))}], AwsCore [{string.Join(", ", actual.Keys)}]");
        foreach (var section in expected.EnumerateObject())
        {
            Assert.True(actual.TryGetValue(section.Name, out var values), $"{what}: AwsCore lacks '{section.Name}'");
            Assert.Equal(section.Value.EnumerateObject().Count(), values!.Count);
            foreach (var setting in section.Value.EnumerateObject())
            {
                Assert.True(values.TryGetValue(setting.Name, out var value), $"{what}.{section.Name}: AwsCore lacks key '{setting.Name}'");
                if (setting.Value.ValueKind == JsonValueKind.Object)
                {
                    Assert.NotNull(value!.Nested);
                    Assert.Equal(
                        setting.Value.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).OrderBy(s => s, StringComparer.Ordinal),
                        value.Nested!.Select(p => p.Key + "=" + p.Value).OrderBy(s => s, StringComparer.Ordinal));
                }
                else
                {
                    Assert.Null(value!.Nested);
                    Assert.Equal(setting.Value.GetString(), value.Text);
                }
            }
        }
    }
}
