using System.Globalization;
using AwsCore.Config;

namespace AwsCore.Credentials;

/// <summary>
/// IMDSv2 as botocore's IMDSFetcher talks to it: a session token from PUT latest/api/token (TTL 21600 s), sent as
/// x-aws-ec2-metadata-token on every GET; IPv4 or IPv6 endpoint, or an endpoint override; per-request timeout and
/// attempts from metadata_service_timeout / metadata_service_num_attempts (1 s and 1 by default, so a machine
/// off EC2 gives up within seconds); AWS_EC2_METADATA_DISABLED turns it off. The token is kept for its TTL and
/// fetched again when the service answers 401.
/// </summary>
internal sealed class InstanceMetadataClient : IDisposable
{
    public const string Ipv4Endpoint = "http://169.254.169.254/";
    public const string Ipv6Endpoint = "http://[fd00:ec2::254]/";
    private const string TokenTtlSeconds = "21600";

    private readonly HttpClient _http;
    private readonly Func<DateTimeOffset> _clock;
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public InstanceMetadataClient(CredentialProviderOptions options)
    {
        var config = options.Config;
        BaseUrl = SelectBaseUrl(config);
        Timeout = TimeSpan.FromSeconds(config.Get("metadata_service_timeout").AsDouble() ?? 1);
        Attempts = Math.Max(1, config.Get("metadata_service_num_attempts").AsInt32() ?? 1);
        Disabled = config.Environment.TryGetValue("AWS_EC2_METADATA_DISABLED", out var disabled) && disabled.Equals("true", StringComparison.OrdinalIgnoreCase);
        V1Disabled = config.Get("ec2_metadata_v1_disabled").AsBoolean() == true;
        _http = MetadataHttp.Create(options.HttpHandler);
        _clock = options.ClockOrNow;
    }

    public string BaseUrl { get; }
    public TimeSpan Timeout { get; }
    public int Attempts { get; }
    public bool Disabled { get; }
    public bool V1Disabled { get; }

    /// <summary>The endpoint override, else the IPv6 or IPv4 address per ec2_metadata_service_endpoint_mode (or imds_use_ipv6).</summary>
    internal static string SelectBaseUrl(ConfigResolver config)
    {
        var custom = config.Get("ec2_metadata_service_endpoint");
        if (custom.Value is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
                throw new CredentialProviderException("iam-role", $"the instance metadata endpoint '{url}' ({custom.Source}) is not a valid URI");
            return url;
        }
        var mode = config.Get("ec2_metadata_service_endpoint_mode");
        if (mode.Value is { } m)
        {
            var lower = m.ToLowerInvariant();
            if (lower != "ipv4" && lower != "ipv6")
                throw new CredentialProviderException("iam-role", $"ec2_metadata_service_endpoint_mode '{m}' ({mode.Source}) is not one of ipv4, ipv6");
            return lower == "ipv6" ? Ipv6Endpoint : Ipv4Endpoint;
        }
        return config.Get("imds_use_ipv6").AsBoolean() == true ? Ipv6Endpoint : Ipv4Endpoint;
    }

    private string Url(string path) => BaseUrl.EndsWith("/", StringComparison.Ordinal) ? BaseUrl + path : BaseUrl + "/" + path;

    /// <summary>The body of a GET to <paramref name="path"/>, or null when the service cannot be reached or keeps failing.</summary>
    public async Task<string?> GetAsync(string path, Func<string, bool> isComplete, CancellationToken cancellationToken)
    {
        if (Disabled) return null;
        var token = await TokenAsync(forceNew: false, cancellationToken).ConfigureAwait(false);
        if (token is null && V1Disabled)
            throw new CredentialProviderException("iam-role", "unable to get an IMDSv2 token and IMDSv1 is disabled (ec2_metadata_v1_disabled)");
        var refetched = false;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
                if (token != null) request.Headers.TryAddWithoutValidation("x-aws-ec2-metadata-token", token);
                var (status, body) = await MetadataHttp.SendAsync(_http, request, Timeout, cancellationToken).ConfigureAwait(false);
                if (status == 401 && token != null && !refetched)
                {
                    // The token expired or the instance was restarted: one new token, then try again.
                    refetched = true;
                    token = await TokenAsync(forceNew: true, cancellationToken).ConfigureAwait(false);
                    attempt--;
                    continue;
                }
                if (status == 200 && body.Length > 0 && isComplete(body)) return body;
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException)
            {
                // Unreachable or slow: counts as an attempt.
            }
        }
        return null;
    }

    private async Task<string?> TokenAsync(bool forceNew, CancellationToken cancellationToken)
    {
        await _tokenGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!forceNew && _token != null && _clock() < _tokenExpires) return _token;
            _token = null;
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, Url("latest/api/token"));
                request.Headers.TryAddWithoutValidation("x-aws-ec2-metadata-token-ttl-seconds", TokenTtlSeconds);
                int status;
                string body;
                try
                {
                    (status, body) = await MetadataHttp.SendAsync(_http, request, Timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    return null;
                }
                catch (HttpRequestException)
                {
                    continue;
                }
                if (status == 200)
                {
                    _token = body;
                    // Renew a minute before the service forgets it.
                    _tokenExpires = _clock().AddSeconds(int.Parse(TokenTtlSeconds, CultureInfo.InvariantCulture) - 60);
                    return _token;
                }
                if (status is 403 or 404 or 405) return null;
                if (status == 400) throw new CredentialProviderException("iam-role", "the instance metadata service rejected the token request (HTTP 400)");
            }
            return null;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    public void Dispose() => _http.Dispose();
}
