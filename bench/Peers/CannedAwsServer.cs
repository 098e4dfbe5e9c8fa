using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AwsCore.Bench.Peers;

/// <summary>
/// A loopback HTTP/1.1 server (keep-alive) that answers S3 GetObject, DynamoDB GetItem and STS GetCallerIdentity
/// with one fixed, valid response each, so client benchmarks measure the clients and not a service. Requests are
/// told apart as the services do: X-Amz-Target for DynamoDB, the Action form field for STS, GET on the bucket path
/// for S3. Anything else gets a 400 that every client surfaces as an error. Responses are prebuilt bytes and each
/// connection reuses one buffer, so the server adds next to nothing to the allocations measured in this process.
/// Each connection is served on its own thread with blocking socket calls: the kernel wakes the server thread when a
/// request arrives, so the server never queues work on the thread pool that the .NET clients measured in this process
/// run their continuations on (with an async accept/receive loop on 2 cores, every .NET figure included the server's
/// thread-pool hops). botocore's run gets a server of this same code, started by this process.
/// </summary>
internal sealed class CannedAwsServer : IDisposable
{
    public const string Bucket = "bench-bucket";
    public const string Key = "bench-key";
    public const string Table = "bench-table";
    public const string ItemName = "bench-value";
    public const string Account = "123456789012";

    /// <summary>The 1 KiB object GetObject returns.</summary>
    public static readonly byte[] ObjectBody = Enumerable.Range(0, 1024).Select(i => (byte)('a' + i % 26)).ToArray();

    private static readonly string DynamoItem =
        "{\"Item\":{\"id\":{\"S\":\"k1\"},\"name\":{\"S\":\"" + ItemName + "\"},\"count\":{\"N\":\"42\"}}}";

    private static readonly string StsXml =
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
        "<Arn>arn:aws:iam::" + Account + ":user/bench</Arn><UserId>AIDABENCHUSERID00000</UserId><Account>" + Account + "</Account>" +
        "</GetCallerIdentityResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>" +
        "</GetCallerIdentityResponse>";

    /// <summary>GetItem's response body.</summary>
    public static readonly byte[] DynamoItemBody = Encoding.UTF8.GetBytes(DynamoItem);

    /// <summary>GetCallerIdentity's response body.</summary>
    public static readonly byte[] StsBody = Encoding.UTF8.GetBytes(StsXml);

    private static readonly byte[] S3Response = Build("200 OK", new[]
    {
        "x-amz-request-id: 4442587FB7D0A2F9",
        "x-amz-id-2: vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=",
        "Last-Modified: " + new DateTime(2026, 10, 12, 17, 50, 0, DateTimeKind.Utc).ToString("R"),
        "ETag: \"" + Convert.ToHexString(System.Security.Cryptography.MD5.HashData(ObjectBody)).ToLowerInvariant() + "\"",
        "x-amz-checksum-crc32: " + Convert.ToBase64String(BigEndian(Crc32(ObjectBody))),
        "x-amz-checksum-type: FULL_OBJECT",
        "Accept-Ranges: bytes",
        "Content-Type: application/octet-stream",
        "Server: AmazonS3",
    }, ObjectBody);

    private static readonly byte[] DynamoResponse = Build("200 OK", new[]
    {
        "x-amzn-RequestId: 4KBNVRGD25RG1KEO9UT4V3FQDJVV4KQNSO5AEMVJF66Q9ASUAAJG",
        "x-amz-crc32: " + Crc32(DynamoItemBody),
        "Content-Type: application/x-amz-json-1.0",
    }, DynamoItemBody);

    private static readonly byte[] StsResponse = Build("200 OK", new[]
    {
        "x-amzn-RequestId: c6104cbe-af31-11e0-8154-cbc7ccf896c7",
        "Content-Type: text/xml",
    }, StsBody);

    private static readonly byte[] UnknownResponse = Build("400 Bad Request", new[] { "Content-Type: text/plain" },
        Encoding.ASCII.GetBytes("the canned benchmark server does not know this request"));

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _connections = new();
    private volatile bool _stopped;
    private long _requests;

    public CannedAwsServer()
    {
        _listener.Start(256);
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        new Thread(AcceptLoop) { IsBackground = true, Name = "CannedAwsServer accept" }.Start();
    }

    public string Url { get; }

    /// <summary>Requests answered so far (known or not).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public void Dispose()
    {
        _stopped = true;
        _listener.Stop();
        lock (_connections)
        {
            foreach (var socket in _connections) socket.Dispose();
            _connections.Clear();
        }
    }

    private void AcceptLoop()
    {
        while (!_stopped)
        {
            Socket socket;
            try
            {
                socket = _listener.AcceptSocket();
            }
            catch (Exception) when (_stopped)
            {
                return;
            }
            socket.NoDelay = true;
            lock (_connections)
            {
                if (_stopped) { socket.Dispose(); return; }
                _connections.Add(socket);
            }
            new Thread(() => Serve(socket)) { IsBackground = true, Name = "CannedAwsServer connection" }.Start();
        }
    }

    private void Serve(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (!_stopped)
            {
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    if (filled == buffer.Length) return;
                    var read = socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                    if (read == 0) return;
                    filled += read;
                }
                var bodyStart = headEnd + 4;
                var bodyLength = ContentLength(buffer.AsSpan(0, headEnd));
                if (bodyStart + bodyLength > buffer.Length) return;
                while (filled < bodyStart + bodyLength)
                {
                    var read = socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                    if (read == 0) return;
                    filled += read;
                }
                var response = Choose(buffer.AsSpan(0, headEnd), buffer.AsSpan(bodyStart, bodyLength));
                Interlocked.Increment(ref _requests);
                socket.Send(response, SocketFlags.None);
                var consumed = bodyStart + bodyLength;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        catch (Exception e) when (_stopped || e is SocketException or ObjectDisposedException)
        {
            // stopped, or the client closed its connection
        }
        finally
        {
            lock (_connections) _connections.Remove(socket);
            socket.Dispose();
        }
    }

    private static byte[] Choose(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body)
    {
        if (Contains(head, "DynamoDB_20120810.GetItem"u8)) return DynamoResponse;
        if (head.StartsWith("POST "u8) && Contains(body, "Action=GetCallerIdentity"u8)) return StsResponse;
        if (head.StartsWith("GET /bench-bucket/bench-key"u8)) return S3Response;
        return UnknownResponse;
    }

    private static bool Contains(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value) => text.IndexOf(value) >= 0;

    /// <summary>The Content-Length header's value (0 when absent), read without allocating.</summary>
    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> name = "content-length:"u8;
        while (!head.IsEmpty)
        {
            var end = head.IndexOf("\r\n"u8);
            var line = end < 0 ? head : head[..end];
            head = end < 0 ? default : head[(end + 2)..];
            if (line.Length <= name.Length) continue;
            var matches = true;
            for (var i = 0; i < name.Length && matches; i++) matches = (line[i] | 0x20) == name[i];
            if (!matches) continue;
            var value = line[name.Length..].Trim((byte)' ');
            return System.Buffers.Text.Utf8Parser.TryParse(value, out int length, out _) ? length : throw new InvalidDataException("bad Content-Length");
        }
        return 0;
    }

    private static byte[] Build(string status, IEnumerable<string> headers, byte[] body)
    {
        var head = new StringBuilder("HTTP/1.1 ").Append(status).Append("\r\n");
        head.Append("Date: ").Append(DateTime.UtcNow.ToString("R")).Append("\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        return Encoding.ASCII.GetBytes(head.ToString()).Concat(body).ToArray();
    }

    private static byte[] BigEndian(uint value) => new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };

    /// <summary>CRC-32 (IEEE), as S3's x-amz-checksum-crc32 (base64 of big-endian bytes) and DynamoDB's x-amz-crc32 (decimal).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
