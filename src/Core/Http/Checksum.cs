namespace AwsCore.Http;

/// <summary>An incremental checksum over a byte stream (one instance per body; not thread-safe).</summary>
internal abstract class Checksum
{
    public abstract void Update(byte[] buffer, int offset, int count);

    /// <summary>The checksum of everything given so far, big-endian for the CRCs, as AWS sends it.</summary>
    public abstract byte[] Digest();

    public string Base64Digest() => Convert.ToBase64String(Digest());

    public void Update(byte[] buffer) => Update(buffer, 0, buffer.Length);

    /// <summary>Reads a seekable stream from its position to its end, then puts the position back.</summary>
    public void UpdateFromSeekable(Stream stream)
    {
        var start = stream.Position;
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) Update(buffer, 0, read);
        stream.Position = start;
    }
}
