using System.Security.Cryptography;

namespace AwsCore.Http;

/// <summary>SHA-1, SHA-256, SHA-512 and MD5 (Content-MD5) as incremental checksums.</summary>
internal sealed class HashChecksum : Checksum, IDisposable
{
    private readonly IncrementalHash _hash;
    private byte[]? _digest;

    public HashChecksum(HashAlgorithmName algorithm) => _hash = IncrementalHash.CreateHash(algorithm);

    public override void Update(byte[] buffer, int offset, int count)
    {
        if (_digest != null) throw new InvalidOperationException("the checksum was already finished");
        _hash.AppendData(buffer, offset, count);
    }

    /// <summary>Finishes the hash and releases it: later updates are an error, later calls return the same digest.</summary>
    public override byte[] Digest()
    {
        if (_digest is null)
        {
            _digest = _hash.GetHashAndReset();
            _hash.Dispose();
        }
        return (byte[])_digest.Clone();
    }

    public void Dispose() => _hash.Dispose();
}
