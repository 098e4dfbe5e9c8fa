using System.Globalization;
using AwsCore.Credentials;
using AwsCore.Http;

namespace AwsCore.Auth;

/// <summary>
/// AWS Signature Version 4, as botocore's SigV4Auth/S3SigV4Auth (Authorization header) and
/// SigV4QueryAuth/S3SigV4QueryAuth (presigned query) compute it. Thread-safe; the clock is injectable for tests.
/// </summary>
public sealed class SigV4Signer
{
    /// <summary>The longest validity of a presigned request: seven days.</summary>
    public const int MaxPresignExpirySeconds = 604800;

    internal const string Algorithm = "AWS4-HMAC-SHA256";
    internal const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    internal const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    private const string AutoFormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly Func<DateTimeOffset> _clock;
    private readonly SigningKeyCache _keys;
    private volatile LastKey? _lastKey;
    private volatile Tuple<long, string>? _lastTimestamp;
    private volatile AuthorizationPrefix? _lastPrefix;

    /// <summary>Creates a signer reading <paramref name="clock"/> (UTC now when null) and caching keys in <paramref name="keyCache"/> (the shared cache when null).</summary>
    public SigV4Signer(Func<DateTimeOffset>? clock = null, SigningKeyCache? keyCache = null)
    {
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        _keys = keyCache ?? SigningKeyCache.Shared;
    }

    /// <summary>Signs the request in place: X-Amz-Date (or Date), X-Amz-Security-Token, X-Amz-Content-SHA256 where due, and Authorization.</summary>
    public void Sign(AwsHttpRequest request, AwsCredentials credentials, SigV4SigningOptions options) =>
        SignRequest(request, credentials, options, capture: false);

    /// <summary>Signs as <see cref="Sign"/> does and returns the canonical request, string to sign and signature (conformance suite, debug output).</summary>
    internal SigningResult SignCore(AwsHttpRequest request, AwsCredentials credentials, SigV4SigningOptions options) =>
        SignRequest(request, credentials, options, capture: true)!;

    private SigningResult? SignRequest(AwsHttpRequest request, AwsCredentials credentials, SigV4SigningOptions options, bool capture)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (credentials is null) throw new ArgumentNullException(nameof(credentials), "signing needs credentials");
        var timestamp = Timestamp(_clock());

        request.Headers.Remove("Authorization");
        SetDateHeaders(request, timestamp);
        if (credentials.SessionToken is { } token) request.Headers["X-Amz-Security-Token"] = token;
        if (!options.PayloadSigningEnabled) request.Headers["X-Amz-Content-SHA256"] = UnsignedPayload;
        if (options.S3Variant) request.Headers["X-Amz-Content-SHA256"] = PayloadHashText(request, options, presigned: false);

        var headers = CanonicalRequest.HeadersToSign(request);
        var key = ScopeAndKey(credentials.SecretAccessKey, timestamp, options);
        Span<char> signature = stackalloc char[2 * SigV4Crypto.DigestSize];
        var result = Compute(request, options, timestamp, key, headers, presigned: false, capture, signature);

        var prefix = Prefix(credentials.AccessKeyId, key, headers.SignedHeaders);
#if NET
        request.Headers["Authorization"] = string.Concat(prefix.AsSpan(), signature);
#else
        request.Headers["Authorization"] = prefix + signature.ToString();
#endif
        return result;
    }

    /// <summary>"AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=": the same while key, scope and header names repeat.</summary>
    private string Prefix(string accessKeyId, LastKey key, string signedHeaders)
    {
        var last = _lastPrefix;
        if (last != null && ReferenceEquals(last.Key, key) && ReferenceEquals(last.SignedHeaders, signedHeaders) &&
            string.Equals(last.AccessKeyId, accessKeyId, StringComparison.Ordinal))
            return last.Text;
        var text = string.Concat(Algorithm + " Credential=", accessKeyId, "/" + key.Scope + ", SignedHeaders=", signedHeaders + ", Signature=");
        _lastPrefix = new AuthorizationPrefix(accessKeyId, key, signedHeaders, text);
        return text;
    }

    /// <summary>The last Authorization prefix and what it was made from; replaced as a whole.</summary>
    private sealed class AuthorizationPrefix
    {
        public AuthorizationPrefix(string accessKeyId, LastKey key, string signedHeaders, string text)
        {
            AccessKeyId = accessKeyId;
            Key = key;
            SignedHeaders = signedHeaders;
            Text = text;
        }

        public string AccessKeyId { get; }
        public LastKey Key { get; }
        public string SignedHeaders { get; }
        public string Text { get; }

        public override string ToString() => "AuthorizationPrefix(" + Key + ")";
    }

    /// <summary>
    /// Presigns the request: moves form or JSON body members into the query, adds the X-Amz-* authentication
    /// parameters and the signature, and returns the URL. <paramref name="expiresInSeconds"/> is 1 to 604800.
    /// </summary>
    public Uri Presign(AwsHttpRequest request, AwsCredentials credentials, SigV4SigningOptions options, int expiresInSeconds = 3600) =>
        PresignCore(request, credentials, options, expiresInSeconds).Url;

    internal (Uri Url, SigningResult Result) PresignCore(AwsHttpRequest request, AwsCredentials credentials, SigV4SigningOptions options, int expiresInSeconds)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (credentials is null) throw new ArgumentNullException(nameof(credentials), "presigning needs credentials");
        if (expiresInSeconds < 1 || expiresInSeconds > MaxPresignExpirySeconds)
            throw new ArgumentOutOfRangeException(nameof(expiresInSeconds), expiresInSeconds,
                $"ExpiresIn: a presigned URL is valid for 1 to {MaxPresignExpirySeconds} seconds (7 days), got {expiresInSeconds}");
        var timestamp = Timestamp(_clock());

        request.Headers.TryGetValue("Content-Type", out var contentType);
        if (contentType == AutoFormContentType) request.Headers.Remove("Content-Type");
        var headers = CanonicalRequest.HeadersToSign(request);
        var signedHeaders = headers.SignedHeaders;

        PresignQuery.MoveOperationParameters(request, contentType);
        request.Query.Add(new("X-Amz-Algorithm", Algorithm));
        request.Query.Add(new("X-Amz-Credential", credentials.AccessKeyId + "/" + Scope(timestamp, options)));
        request.Query.Add(new("X-Amz-Date", timestamp));
        request.Query.Add(new("X-Amz-Expires", expiresInSeconds.ToString(CultureInfo.InvariantCulture)));
        request.Query.Add(new("X-Amz-SignedHeaders", signedHeaders));
        if (credentials.SessionToken is { } token) request.Query.Add(new("X-Amz-Security-Token", token));

        var key = ScopeAndKey(credentials.SecretAccessKey, timestamp, options);
        Span<char> signature = stackalloc char[2 * SigV4Crypto.DigestSize];
        var result = Compute(request, options, timestamp, key, headers, presigned: true, capture: true, signature)!;
        request.Query.Add(new("X-Amz-Signature", result.Signature));
        return (RequestUrl.Compose(request), result);
    }

    /// <summary>
    /// Hashes the canonical request, signs the string to sign and writes the hex signature into <paramref name="signature"/>;
    /// returns the intermediate texts when <paramref name="capture"/> is set, else null.
    /// </summary>
    private static SigningResult? Compute(AwsHttpRequest request, SigV4SigningOptions options, string timestamp, LastKey key,
        CanonicalRequest.SignedHeaderSet headers, bool presigned, bool capture, Span<char> signature)
    {
        var path = CanonicalRequest.Path(RequestUrl.FullPath(request), options.S3Variant);
        Span<byte> digest = stackalloc byte[SigV4Crypto.DigestSize];
        var payloadHash = request.Headers.TryGetValue("X-Amz-Content-SHA256", out var declared)
            ? declared
            : PayloadHash(request, options, presigned, digest);
        var buffer = SigningBuffer.Rent();
        CanonicalRequest.Write(buffer, request, path, headers, payloadHash, digest);
        var canonical = capture ? buffer.ToText() : "";
        SigV4Crypto.Sha256(buffer.Bytes, 0, buffer.Length, digest, startRepeats: true);

        buffer.Clear();
        buffer.Append(Algorithm);
        buffer.Append('\n');
        buffer.Append(timestamp);
        buffer.Append('\n');
        buffer.Append(key.Scope);
        buffer.Append('\n');
        buffer.AppendHex(digest);
        var stringToSign = capture ? buffer.ToText() : "";
        SigV4Crypto.HmacSha256(key.HmacKey, buffer.Bytes, 0, buffer.Length, digest, startRepeats: true);
        SigV4Crypto.WriteHex(digest, signature);
        digest.Clear();
        return capture ? new SigningResult(canonical, stringToSign, signature.ToString()) : null;
    }

    /// <summary>The scope string and key: the last ones used when the scope repeats (the common case), else from the cache.</summary>
    private LastKey ScopeAndKey(string secret, string timestamp, SigV4SigningOptions options)
    {
        var last = _lastKey;
        if (last != null && string.Equals(last.Secret, secret, StringComparison.Ordinal) && string.CompareOrdinal(last.Date, 0, timestamp, 0, 8) == 0 &&
            last.Region == options.Region && last.Service == options.Service)
            return last;
        var date = timestamp.Substring(0, 8);
        var key = _keys.GetHmacKey(secret, date, options.Region, options.Service);
        return _lastKey = new LastKey(secret, date, options.Region, options.Service, key, Scope(timestamp, options));
    }

    /// <summary>The most recent scope and key; replaced as a whole, so readers on other threads see a consistent set.</summary>
    private sealed class LastKey
    {
        public LastKey(string secret, string date, string region, string service, HmacSha256Key key, string scope)
        {
            Scope = scope;
            Secret = secret;
            Date = date;
            Region = region;
            Service = service;
            HmacKey = key;
        }

        public string Secret { get; }
        public string Date { get; }
        public string Region { get; }
        public string Service { get; }
        public HmacSha256Key HmacKey { get; }
        public string Scope { get; }

        public override string ToString() => $"{Date}/{Region}/{Service}";
    }

    private static string PayloadHashText(AwsHttpRequest request, SigV4SigningOptions options, bool presigned)
    {
        Span<byte> digest = stackalloc byte[SigV4Crypto.DigestSize];
        return PayloadHash(request, options, presigned, digest) ?? SigV4Crypto.ToHex(digest);
    }

    /// <summary>The payload hash as text, or null after writing the SHA-256 of the in-memory body into <paramref name="digest"/>.</summary>
    private static string? PayloadHash(AwsHttpRequest request, SigV4SigningOptions options, bool presigned, Span<byte> digest)
    {
        if (options.ChecksumInTrailer) return StreamingUnsignedPayloadTrailer;
        if (presigned && options.S3Variant) return UnsignedPayload;
        if (!ShouldSignPayload(request, options)) return UnsignedPayload;
        if (request.BodyStream is { } stream)
        {
            if (!stream.CanSeek)
                throw new InvalidOperationException("the request body stream cannot seek, so its SHA-256 cannot be signed; sign it with an unsigned payload");
            return SigV4Crypto.Sha256Hex(stream);
        }
        if (request.Body.Length == 0) return SigV4Crypto.EmptySha256;
        SigV4Crypto.Sha256(request.Body, 0, request.Body.Length, digest);
        return null;
    }

    private static bool ShouldSignPayload(AwsHttpRequest request, SigV4SigningOptions options)
    {
        var https = RequestUrl.IsHttps(request);
        if (options.S3Variant)
        {
            if (options.S3PayloadSigningEnabled is { } explicitChoice) return explicitChoice;
            // Without TLS and a checksum header, S3 bodies are always hashed.
            if (!https || !request.Headers.ContainsKey(options.ChecksumHeader ?? "Content-MD5")) return true;
            if (options.HasStreamingInput) return false;
        }
        return !https || options.PayloadSigningEnabled;
    }

    /// <summary>botocore keeps a Date header when the request has one (rewriting it) and otherwise sets X-Amz-Date.</summary>
    private static void SetDateHeaders(AwsHttpRequest request, string timestamp)
    {
        if (request.Headers.ContainsKey("Date"))
        {
            var time = DateTime.ParseExact(timestamp, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            request.Headers["Date"] = time.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " -0000";
            request.Headers.Remove("X-Amz-Date");
        }
        else
        {
            request.Headers["X-Amz-Date"] = timestamp;
        }
    }

    /// <summary>yyyyMMddTHHmmssZ, formatted once per second.</summary>
    private string Timestamp(DateTimeOffset now)
    {
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        var last = _lastTimestamp;
        if (last != null && last.Item1 == second) return last.Item2;
        var text = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        _lastTimestamp = Tuple.Create(second, text);
        return text;
    }

    private static string Scope(string timestamp, SigV4SigningOptions options) =>
        string.Concat(timestamp.Substring(0, 8), "/", options.Region, "/" + options.Service + "/aws4_request");
}
