using System.Security.Cryptography;
using System.Text;
using AwsCore.Auth;

namespace AwsCore.Tests.Auth;

/// <summary>
/// The libcrypto SHA-256/HMAC path and the IncrementalHash path give the published digests and agree with each other
/// (and with .NET's one-shot APIs) on random inputs around every block boundary.
/// </summary>
public sealed class SigV4CryptoTests
{
    public static TheoryData<string, string> NistSha256 => new()
    {
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        {
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        },
        { new string('a', 1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
    };

    [Theory]
    [MemberData(nameof(NistSha256))]
    public void Sha256MatchesNistVectorsOnBothPaths(string message, string expected)
    {
        var data = Encoding.ASCII.GetBytes(message);
        Assert.Equal(expected, Sha256Hex(data, incrementalOnly: false));
        Assert.Equal(expected, Sha256Hex(data, incrementalOnly: true));
        Assert.Equal(expected, SigV4Crypto.Sha256Hex(data));
    }

    public static TheoryData<string, string, string> Rfc4231 => new()
    {
        { Repeat("0b", 20), Hex("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { Hex("Jefe"), Hex("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { Repeat("aa", 20), Repeat("dd", 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819", Repeat("cd", 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { Repeat("aa", 131), Hex("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            Repeat("aa", 131),
            Hex("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc4231))]
    public void HmacMatchesRfc4231OnBothPaths(string keyHex, string dataHex, string expected)
    {
        var key = Convert.FromHexString(keyHex);
        var data = Convert.FromHexString(dataHex);
        Assert.Equal(expected, HmacHex(key, data, incrementalOnly: false));
        Assert.Equal(expected, HmacHex(key, data, incrementalOnly: true));
    }

    [Fact]
    public void BothPathsAgreeWithDotNetOnRandomInputs()
    {
        var random = new Random(4231);
        var lengths = Enumerable.Range(0, 200).Concat(new[] { 247, 255, 256, 257, 1023, 1024, 1025, 4096, 70000 });
        foreach (var length in lengths)
        {
            var data = new byte[length + 7];
            random.NextBytes(data);
            var key = new byte[random.Next(0, 150)];
            random.NextBytes(key);
            // Hash a slice that neither starts nor ends at the array's bounds.
            var slice = data.AsSpan(3, length).ToArray();
            var expectedHash = Convert.ToHexStringLower(SHA256.HashData(slice));
            var expectedMac = Convert.ToHexStringLower(HMACSHA256.HashData(key, slice));
            foreach (var incrementalOnly in new[] { false, true })
            {
                using (incrementalOnly ? SigV4Crypto.UseIncrementalHashOnThisThread() : null)
                {
                    Span<byte> digest = stackalloc byte[32];
                    SigV4Crypto.Sha256(data, 3, length, digest);
                    Assert.Equal(expectedHash, Convert.ToHexStringLower(digest));
                    SigV4Crypto.HmacSha256(new HmacSha256Key(key), data, 3, length, digest);
                    Assert.Equal(expectedMac, Convert.ToHexStringLower(digest));
                }
            }
        }
    }

    [Fact]
    public void RepeatedFirstBlocksGiveTheSameDigestsAsFreshHashing()
    {
        // Messages sharing (or almost sharing) a first block, under two keys and both paths, in an order that makes the
        // remembered block hit and miss.
        var random = new Random(64);
        var start = new byte[64];
        random.NextBytes(start);
        var keys = new[] { new HmacSha256Key(RandomBytes(random, 32)), new HmacSha256Key(RandomBytes(random, 32)) };
        for (var i = 0; i < 400; i++)
        {
            var length = new[] { 0, 1, 63, 64, 65, 127, 128, 129, 300, 2000 }[random.Next(10)];
            var data = RandomBytes(random, length);
            start.AsSpan(0, Math.Min(64, length)).CopyTo(data);
            if (length > 0 && random.Next(4) == 0) data[random.Next(Math.Min(64, length))] ^= 1;
            var key = keys[random.Next(2)];
            using var scope = random.Next(5) == 0 ? SigV4Crypto.UseIncrementalHashOnThisThread() : null;
            Span<byte> digest = stackalloc byte[32];
            SigV4Crypto.Sha256(data, 0, length, digest, startRepeats: true);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), Convert.ToHexStringLower(digest));
            SigV4Crypto.HmacSha256(key, data, 0, length, digest, startRepeats: true);
            Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key.Key, data)), Convert.ToHexStringLower(digest));
        }
    }

    [Fact]
    public void LibcryptoIsUsedOnLinux()
    {
        // .NET itself needs OpenSSL on Linux, so the fast path must load there; losing it would only show as slowness.
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(NativeSha256.IsAvailable, "libcrypto.so.3 / libcrypto.so.1.1 did not load or lacks SHA256_Init/Update/Final");
        Assert.True(SigV4Crypto.UsesNative);
        using (SigV4Crypto.UseIncrementalHashOnThisThread()) Assert.False(SigV4Crypto.UsesNative);
        Assert.True(SigV4Crypto.UsesNative);
    }

    [Fact]
    public void LoadingFallsBackWhenTheLibraryOrItsExportsAreMissing()
    {
        Assert.Null(NativeSha256.TryLoad(new[] { "libawscore-no-such-crypto.so.9" }));
        if (OperatingSystem.IsLinux()) Assert.Null(NativeSha256.TryLoad(new[] { "libc.so.6" }));
    }

    [Fact]
    public void PreparedKeyNeverPrintsItsBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var text = new HmacSha256Key(bytes).ToString();
        Assert.DoesNotContain(Convert.ToHexStringLower(bytes), text);
        Assert.DoesNotContain(Convert.ToHexString(bytes), text);
        Assert.DoesNotContain(Convert.ToBase64String(bytes), text);
    }

    private static string Sha256Hex(byte[] data, bool incrementalOnly)
    {
        using var scope = incrementalOnly ? SigV4Crypto.UseIncrementalHashOnThisThread() : null;
        Span<byte> digest = stackalloc byte[32];
        SigV4Crypto.Sha256(data, 0, data.Length, digest);
        return Convert.ToHexStringLower(digest);
    }

    private static string HmacHex(byte[] key, byte[] data, bool incrementalOnly)
    {
        using var scope = incrementalOnly ? SigV4Crypto.UseIncrementalHashOnThisThread() : null;
        Span<byte> mac = stackalloc byte[32];
        SigV4Crypto.HmacSha256(new HmacSha256Key(key), data, 0, data.Length, mac);
        return Convert.ToHexStringLower(mac);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Repeat(string hexByte, int count) => string.Concat(Enumerable.Repeat(hexByte, count));

    private static string Hex(string text) => Convert.ToHexStringLower(Encoding.ASCII.GetBytes(text));
}
