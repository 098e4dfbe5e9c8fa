using System.Net;
using System.Text.Json;

namespace AwsCore.Credentials;

/// <summary>
/// ECS/EKS container credentials (botocore's "container-role"): AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (on
/// 169.254.170.2) or AWS_CONTAINER_CREDENTIALS_FULL_URI, with AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE or
/// AWS_CONTAINER_AUTHORIZATION_TOKEN as the Authorization header. A full URI must be https, a loopback address or
/// one of the container hosts. Two-second timeout, three attempts.
/// </summary>
public sealed class ContainerCredentialProvider : CachingCredentialProvider, IDisposable
{
    public const string ProviderName = "container-role";

    /// <summary>botocore's credential_source name for this provider.</summary>
    public const string CanonicalName = "EcsContainer";

    private const string ContainerHost = "169.254.170.2";
    private static readonly string[] AllowedHosts = { ContainerHost, "169.254.170.23", "fd00:ec2::23", "localhost" };
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    private const int Attempts = 3;

    private readonly CredentialProviderOptions _options;
    private readonly HttpClient _http;

    public ContainerCredentialProvider(CredentialProviderOptions options) : base(options.Clock)
    {
        _options = options;
        _http = MetadataHttp.Create(options.HttpHandler);
    }

    public override string Name => ProviderName;

    private IReadOnlyDictionary<string, string> Env => _options.Config.Environment;

    protected override async Task<AwsCredentials?> FetchAsync(CancellationToken cancellationToken)
    {
        string url;
        if (Env.TryGetValue("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", out var relative)) url = "http://" + ContainerHost + relative;
        else if (Env.TryGetValue("AWS_CONTAINER_CREDENTIALS_FULL_URI", out var full)) url = full;
        else return null;
        var uri = CheckAllowed(url);

        Exception? last = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                return await FetchOnceAsync(uri, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or MetadataException)
            {
                last = e;
                if (attempt < Attempts) await Task.Delay(_options.ContainerRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
        throw new CredentialProviderException(Name, $"no credentials from the container endpoint {uri.GetLeftPart(UriPartial.Path)} after {Attempts} attempts: {last!.Message}");
    }

    private async Task<AwsCredentials> FetchOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (AuthorizationToken() is { } token) request.Headers.TryAddWithoutValidation("Authorization", token);
        var (status, body) = await MetadataHttp.SendAsync(_http, request, AttemptTimeout, cancellationToken).ConfigureAwait(false);
        if (status != 200) throw new MetadataException($"HTTP {status} from the container endpoint");
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            string Field(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()!
                : throw new CredentialProviderException(Name, $"the container endpoint's answer lacks {name}");
            return new AwsCredentials(Field("AccessKeyId"), Field("SecretAccessKey"), Field("Token"),
                CredentialValues.ParseExpiration(Field("Expiration"), Name, "Expiration"), Name);
        }
        catch (JsonException)
        {
            throw new MetadataException("the container endpoint's answer is not JSON");
        }
    }

    /// <summary>The token file (read on every fetch, as it rotates) wins over the variable; CR or LF in it is refused.</summary>
    private string? AuthorizationToken()
    {
        string? token = null;
        if (Env.TryGetValue("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", out var file))
        {
            try { token = File.ReadAllText(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CredentialProviderException(Name, $"cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {file}: {e.Message}");
            }
        }
        else if (Env.TryGetValue("AWS_CONTAINER_AUTHORIZATION_TOKEN", out var value)) token = value;
        if (token != null && (token.IndexOf('\r') >= 0 || token.IndexOf('\n') >= 0))
            throw new CredentialProviderException(Name, "the container authorization token contains a line break, which is not a legal header value");
        return token;
    }

    /// <summary>https anywhere; plain http only to a loopback address or a known container host.</summary>
    internal static Uri CheckAllowed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new CredentialProviderException(ProviderName, $"'{url}' is not an absolute URL");
        if (uri.Scheme == Uri.UriSchemeHttps) return uri;
        var host = uri.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)) return uri;
        if (AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase)) return uri;
        throw new CredentialProviderException(ProviderName,
            $"unsupported host '{host}': container credentials come only from https, a loopback address or one of {string.Join(", ", AllowedHosts)}");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A failed metadata or container endpoint answer that is worth another attempt.</summary>
internal sealed class MetadataException : Exception
{
    public MetadataException(string message) : base(message) { }
}
