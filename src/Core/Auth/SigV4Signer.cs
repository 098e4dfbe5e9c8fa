using System.Globalization;
using System.Text;
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

    /// <summary>One canonical-request buffer per thread, reused across signatures.</summary>
    private static readonly ThreadLocal<StringBuilder> Builder = new(() => new StringBuilder(1024));

    private readonly Func<DateTimeOffset> _clock;
    private readonly SigningKeyCache _keys;
    private volatile LastKey? _lastKey;
    private volatile Tuple<long, string>? _lastTimestamp;

    /// <summary>Creates a signer reading <paramref name="clock"/> (UTC now when null) and caching keys in <paramref name="keyCache"/> (the shared cache when null).</summary>
    public SigV4Signer(Func<DateTimeOffset>? clock = null, SigningKeyCache? keyCache = null)
    {
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        _keys = keyCache ?? SigningKeyCache.Shared;
    }

    /// <summary>Signs the request in place: X-Amz-Date (or Date), X-Amz-Security-Token, X-Amz-Content-SHA256 where due, and Authorization.</summary>
    public void Sign(AwsHttpRequest request, AwsCredentials credentials, SigV4SigningOptions options) =>
        SignCore(request, credentials, options, capture: false);

    // capture keeps the canonical request text in the result (the conformance suite and debug output want it).
    internal SigningResult SignCore(AwsHttpRequest request, AwsCredentials credentials, SigV4SigningOptions options, bool capture = true)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (credentials is null) throw new ArgumentNullException(nameof(credentials), "signing needs credentials");
        var timestamp = Timestamp(_clock());

        request.Headers.Remove("Authorization");
        SetDateHeaders(request, timestamp);
        if (credentials.SessionToken is { } token) request.Headers["X-Amz-Security-Token"] = token;
        if (!options.PayloadSigningEnabled) request.Headers["X-Amz-Content-SHA256"] = UnsignedPayload;
        if (options.S3Variant) request.Headers["X-Amz-Content-SHA256"] = PayloadHash(request, options, presigned: false);

        var headers = CanonicalRequest.HeadersToSign(request);
        var signedHeaders = CanonicalRequest.SignedHeaders(headers);
        var result = Compute(request, credentials, options, timestamp, headers, signedHeaders, presigned: false, capture);

        request.Headers["Authorization"] =
            $"{Algorithm} Credential={credentials.AccessKeyId}/{ScopeAndKey(credentials.SecretAccessKey, timestamp, options).Scope}, SignedHeaders={signedHeaders}, Signature={result.Signature}";
        return result;
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
        var signedHeaders = CanonicalRequest.SignedHeaders(headers);

        PresignQuery.MoveOperationParameters(request, contentType);
        request.Query.Add(new("X-Amz-Algorithm", Algorithm));
        request.Query.Add(new("X-Amz-Credential", credentials.AccessKeyId + "/" + Scope(timestamp, options)));
        request.Query.Add(new("X-Amz-Date", timestamp));
        request.Query.Add(new("X-Amz-Expires", expiresInSeconds.ToString(CultureInfo.InvariantCulture)));
        request.Query.Add(new("X-Amz-SignedHeaders", signedHeaders));
        if (credentials.SessionToken is { } token) request.Query.Add(new("X-Amz-Security-Token", token));

        var result = Compute(request, credentials, options, timestamp, headers, signedHeaders, presigned: true, capture: true);
        request.Query.Add(new("X-Amz-Signature", result.Signature));
        return (RequestUrl.Build(request), result);
    }

    private SigningResult Compute(AwsHttpRequest request, AwsCredentials credentials, SigV4SigningOptions options, string timestamp,
        List<KeyValuePair<string, string>> headers, string signedHeaders, bool presigned, bool capture)
    {
        var path = CanonicalRequest.Path(RequestUrl.FullPath(request), options.S3Variant);
        var payload = request.Headers.TryGetValue("X-Amz-Content-SHA256", out var declared)
            ? declared
            : PayloadHash(request, options, presigned);
        var canonical = Builder.Value!;
        CanonicalRequest.Build(canonical, request, path, headers, signedHeaders, payload);

        var scope = ScopeAndKey(credentials.SecretAccessKey, timestamp, options);
        var stringToSign = string.Concat(Algorithm + "\n", timestamp, "\n" + scope.Scope + "\n", SigV4Crypto.Sha256Hex(canonical));
        var signature = SigV4Crypto.HmacSha256Hex(scope.Key, stringToSign);
        var result = new SigningResult(capture ? canonical.ToString() : "", stringToSign, signature);
        if (canonical.Capacity > 16 * 1024) Builder.Value = new StringBuilder(1024);
        return result;
    }

    /// <summary>The scope string and key: the last ones used when the scope repeats (the common case), else from the cache.</summary>
    private LastKey ScopeAndKey(string secret, string timestamp, SigV4SigningOptions options)
    {
        var last = _lastKey;
        if (last != null && string.Equals(last.Secret, secret, StringComparison.Ordinal) && string.CompareOrdinal(last.Date, 0, timestamp, 0, 8) == 0 &&
            last.Region == options.Region && last.Service == options.Service)
            return last;
        var date = timestamp.Substring(0, 8);
        var key = _keys.GetKey(secret, date, options.Region, options.Service);
        return _lastKey = new LastKey(secret, date, options.Region, options.Service, key, Scope(timestamp, options));
    }

    /// <summary>The most recent scope and key; replaced as a whole, so readers on other threads see a consistent set.</summary>
    private sealed class LastKey
    {
        public LastKey(string secret, string date, string region, string service, byte[] key, string scope)
        {
            Scope = scope;
            Secret = secret;
            Date = date;
            Region = region;
            Service = service;
            Key = key;
        }

        public string Secret { get; }
        public string Date { get; }
        public string Region { get; }
        public string Service { get; }
        public byte[] Key { get; }
        public string Scope { get; }

        public override string ToString() => $"{Date}/{Region}/{Service}";
    }

    private static string PayloadHash(AwsHttpRequest request, SigV4SigningOptions options, bool presigned)
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
        return request.Body.Length == 0 ? SigV4Crypto.EmptySha256 : SigV4Crypto.Sha256Hex(request.Body);
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
