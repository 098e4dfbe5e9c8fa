using System.Text;
using System.Text.Json;
using AwsCore.Http;

namespace AwsCore.Tests.Runtime;

public sealed class ChecksumAlgorithmTests
{
    private static readonly byte[] Check = Encoding.ASCII.GetBytes("123456789");

    private static string Hex(byte[] digest) => Convert.ToHexString(digest).ToLowerInvariant();

    [Theory]
    [InlineData("crc32", "cbf43926")]
    [InlineData("crc32c", "e3069283")]
    [InlineData("crc64nvme", "ae8b14860a799888")]
    [InlineData("sha1", "f7c3bc1d808e04732adf679965ccc34ca7ae3441")]
    [InlineData("sha256", "15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225")]
    public void CheckValuesOfTheStandardString(string algorithm, string hex)
    {
        var checksum = ChecksumAlgorithms.Create(algorithm);
        checksum.Update(Check);
        Assert.Equal(hex, Hex(checksum.Digest()));
    }

    [Fact]
    public void Crc32cMatchesTheRfc3720Vectors()
    {
        Assert.Equal("8a9136aa", Crc32C(new byte[32]));
        Assert.Equal("62a8ab43", Crc32C(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal("46dd794e", Crc32C(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
        Assert.Equal("113fdb5c", Crc32C(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()));

        static string Crc32C(byte[] data)
        {
            var c = ChecksumAlgorithms.Create("crc32c");
            c.Update(data);
            return Hex(c.Digest());
        }
    }

    [Fact]
    public void EmptyInputHasTheWellKnownDigests()
    {
        Assert.Equal("AAAAAA==", ChecksumAlgorithms.Compute("crc32", Array.Empty<byte>()));
        Assert.Equal("AAAAAA==", ChecksumAlgorithms.Compute("CRC32C", Array.Empty<byte>()));
        Assert.Equal("AAAAAAAAAAA=", ChecksumAlgorithms.Compute("crc64nvme", Array.Empty<byte>()));
    }

    [Theory]
    [InlineData("crc32")]
    [InlineData("crc32c")]
    [InlineData("crc64nvme")]
    [InlineData("sha256")]
    public void SplittingTheInputAnywhereGivesTheSameDigest(string algorithm)
    {
        var data = new byte[1000];
        new Random(7).NextBytes(data);
        var whole = ChecksumAlgorithms.Compute(algorithm, data);
        var random = new Random(11);
        for (var round = 0; round < 20; round++)
        {
            var checksum = ChecksumAlgorithms.Create(algorithm);
            var offset = 0;
            while (offset < data.Length)
            {
                var n = Math.Min(random.Next(0, 40), data.Length - offset);
                checksum.Update(data, offset, n);
                offset += n;
            }
            Assert.Equal(whole, checksum.Base64Digest());
        }
    }

    [Fact]
    public void SoftwareTablesAgreeWithTheHardwarePaths()
    {
        var data = new byte[70_000];
        new Random(3).NextBytes(data);
        var random = new Random(4);
        var lengths = Enumerable.Range(0, 300).Concat(new[] { 1023, 1024, 1025, 4099, 65536, 69_990 });
        foreach (var (polynomial, algorithm) in new[] { (Crc32Checksum.IeeePolynomial, "crc32"), (Crc32Checksum.CastagnoliPolynomial, "crc32c") })
        {
            var tables = Crc32Checksum.BuildTables(polynomial);
            foreach (var length in lengths)
            {
                var offset = random.Next(0, 9);
                var software = ~Crc32Checksum.UpdateSoftware(tables, 0xFFFFFFFF, data, offset, length);
                var checksum = (Crc32Checksum)ChecksumAlgorithms.Create(algorithm);
                checksum.Update(data, offset, length);
                Assert.True(software == checksum.Value, $"{algorithm} of {length} bytes at {offset}: tables {software:x8}, fast path {checksum.Value:x8}");
            }
        }
    }

    [Fact]
    public void Crc64TablesAgreeWithTheFoldingPath()
    {
        var data = new byte[70_000];
        new Random(5).NextBytes(data);
        var random = new Random(6);
        foreach (var length in Enumerable.Range(0, 300).Concat(new[] { 1023, 1024, 1025, 4099, 65536, 69_990 }))
        {
            var offset = random.Next(0, 9);
            var tables = ~Crc64NvmeChecksum.UpdateSoftware(ulong.MaxValue, data, offset, length);
            var checksum = new Crc64NvmeChecksum();
            checksum.Update(data, offset, length);
            Assert.True(tables == checksum.Value, $"crc64nvme of {length} bytes at {offset}: tables {tables:x16}, fast path {checksum.Value:x16}");
        }
    }

    [Fact]
    public void UnsupportedAlgorithmsAreAClearError()
    {
        var e = Assert.Throws<FlexibleChecksumException>(() => ChecksumAlgorithms.Create("XXHASH64"));
        Assert.StartsWith("Unsupported checksum algorithm: xxhash64", e.Message);
    }

    private const string Script = """
        import base64, hashlib, json, sys, zlib
        from botocore.httpchecksum import Crc32Checksum, Sha1Checksum, Sha256Checksum, Sha512Checksum
        def reflected_crc(data, poly, width):
            mask = (1 << width) - 1
            crc = mask
            for b in data:
                crc ^= b
                for _ in range(8):
                    crc = (crc >> 1) ^ poly if crc & 1 else crc >> 1
            return (crc ^ mask).to_bytes(width // 8, 'big')
        out = []
        for item in json.load(sys.stdin):
            data = base64.b64decode(item)
            row = {}
            for name, cls in (('crc32', Crc32Checksum), ('sha1', Sha1Checksum), ('sha256', Sha256Checksum), ('sha512', Sha512Checksum)):
                c = cls(); c.update(data); row[name] = c.b64digest()
            row['crc32c'] = base64.b64encode(reflected_crc(data, 0x82F63B78, 32)).decode()
            row['crc64nvme'] = base64.b64encode(reflected_crc(data, 0x9A6C9329AC4BC9B5, 64)).decode()
            out.append(row)
        print(json.dumps(out))
        """;

    [Fact]
    public void SameDigestsAsBotocoreAndABitwiseReference()
    {
        var random = new Random(42);
        var inputs = new[] { 0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 255, 1000, 4096, 10007 }.Select(n =>
        {
            var b = new byte[n];
            random.NextBytes(b);
            return b;
        }).ToList();
        inputs.Add(Encoding.UTF8.GetBytes("Hello, \u00e9t\u00e9 \U0001F600"));
        var expected = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(
            PythonScript.Run(Script, JsonSerializer.Serialize(inputs.Select(Convert.ToBase64String))))!;
        for (var i = 0; i < inputs.Count; i++)
            foreach (var (algorithm, digest) in expected[i])
                Assert.True(digest == ChecksumAlgorithms.Compute(algorithm, inputs[i]), $"{algorithm} of {inputs[i].Length} bytes: python {digest}, ours {ChecksumAlgorithms.Compute(algorithm, inputs[i])}");
    }
}
