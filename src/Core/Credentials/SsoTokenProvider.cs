using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AwsCore.Config;
using AwsCore.Models;

namespace AwsCore.Credentials;

/// <summary>An SSO access token and when it expires. ToString never shows the token.</summary>
public sealed class SsoToken
{
    public SsoToken(string accessToken, DateTimeOffset expiresAt)
    {
        AccessToken = accessToken;
        ExpiresAt = expiresAt;
    }

    /// <summary>The bearer token. Never logged.</summary>
    [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
    public string AccessToken { get; }

    public DateTimeOffset ExpiresAt { get; }

    public override string ToString() => "SsoToken(expires " + ExpiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + ")";
}

/// <summary>
/// The SSO token of a profile's [sso-session], read from ~/.aws/sso/cache/&lt;sha1 of the session name&gt;.json as
/// 'aws sso login' writes it, and refreshed through SSO-OIDC CreateToken (grant refresh_token) when it has under
/// 15 minutes left; the refreshed token is written back. Also the token source of bearer-auth services.
/// </summary>
public sealed class SsoTokenProvider
{
    /// <summary>botocore's refresh window for SSO tokens.</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromMinutes(15);

    private readonly CredentialProviderOptions _options;
    private readonly string _profile;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SsoTokenProvider(CredentialProviderOptions options, string profile)
    {
        _options = options;
        _profile = profile;
    }

    /// <summary>The cache file name for a session name or (legacy profiles) a start URL: its SHA-1 in hex plus ".json".</summary>
    public static string CacheFileName(string sessionNameOrStartUrl)
    {
        using var sha1 = SHA1.Create();
        var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(sessionNameOrStartUrl));
        var sb = new StringBuilder(44);
        foreach (var b in hash) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return sb.Append(".json").ToString();
    }

    /// <summary>The token, refreshed if due; null when the profile has no sso_session.</summary>
    public async Task<SsoToken?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var session = SessionConfig();
        if (session is null) return null;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var path = Path.Combine(_options.SsoCacheFolder, CacheFileName(session.Value.Name));
            var cached = ReadCache(path, session.Value.Name);
            var expiresAt = Expiry(cached, "expiresAt", path);
            var now = _options.ClockOrNow();
            if (expiresAt - now < RefreshWindow && await TryRefreshAsync(cached, session.Value, now, cancellationToken).ConfigureAwait(false) is { } refreshed)
            {
                WriteCache(path, refreshed);
                cached = refreshed;
                expiresAt = Expiry(cached, "expiresAt", path);
            }
            if (expiresAt <= now)
                throw new CredentialProviderException("sso", $"the SSO session {session.Value.Name} has expired; run 'aws sso login --sso-session {session.Value.Name}'");
            return new SsoToken(Text(cached, "accessToken", path), expiresAt);
        }
        finally
        {
            _gate.Release();
        }
    }

    private (string Name, string Region, string StartUrl)? SessionConfig()
    {
        var files = _options.Config.Files;
        if (!files.Profiles.TryGetValue(_profile, out var profile) || !profile.TryGetValue("sso_session", out var sessionName)) return null;
        if (!files.SsoSessions.TryGetValue(sessionName.Text, out var session))
            throw new CredentialProviderException("sso", $"profile {_profile} uses the sso-session \"{sessionName.Text}\", which does not exist ({sessionName})");
        var missing = new[] { "sso_start_url", "sso_region" }.Where(k => !session.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new CredentialProviderException("sso", $"the sso-session \"{sessionName.Text}\" lacks {string.Join(", ", missing)}");
        return (sessionName.Text, session["sso_region"].Text, session["sso_start_url"].Text);
    }

    private async Task<Dictionary<string, object?>?> TryRefreshAsync(Dictionary<string, object?> cached, (string Name, string Region, string StartUrl) session,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { "refreshToken", "clientId", "clientSecret", "registrationExpiresAt" })
            if (!cached.ContainsKey(key)) return null;
        if (CredentialValues.ParseExpiration(cached["registrationExpiresAt"], "sso", "registrationExpiresAt") is { } registration && registration <= now) return null;
        if (_options.ServiceCall is null) return null;

        ValueMap output;
        try
        {
            output = await _options.ServiceCall("sso-oidc", "CreateToken", new Dictionary<string, object?>
            {
                ["grantType"] = "refresh_token",
                ["clientId"] = cached["clientId"],
                ["clientSecret"] = cached["clientSecret"],
                ["refreshToken"] = cached["refreshToken"],
            }, new AwsServiceCallContext(session.Region, null), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // As botocore: a failed refresh leaves the cached token in use until it expires.
            return null;
        }
        var expiresIn = output.TryGetValue("expiresIn", out var e) ? Convert.ToDouble(e, CultureInfo.InvariantCulture) : 0;
        var refreshed = new Dictionary<string, object?>
        {
            ["startUrl"] = session.StartUrl,
            ["region"] = session.Region,
            ["accessToken"] = CredentialValues.RequireString(output, "accessToken", "sso", "CreateToken"),
            ["expiresAt"] = Iso(now.AddSeconds(expiresIn)),
            ["clientId"] = cached["clientId"],
            ["clientSecret"] = cached["clientSecret"],
            ["registrationExpiresAt"] = cached["registrationExpiresAt"],
            ["refreshToken"] = output.TryGetValue("refreshToken", out var r) && r is string newRefresh ? newRefresh : cached["refreshToken"],
        };
        return refreshed;
    }

    internal static Dictionary<string, object?> ReadCache(string path, string name)
    {
        if (!File.Exists(path))
            throw new CredentialProviderException("sso", $"no cached SSO token for {name} ({path}); run 'aws sso login'");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
                result[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
            if (!result.ContainsKey("accessToken") || !result.ContainsKey("expiresAt"))
                throw new CredentialProviderException("sso", $"the cached SSO token {path} lacks accessToken or expiresAt");
            return result;
        }
        catch (JsonException e)
        {
            throw new CredentialProviderException("sso", $"the cached SSO token {path} is not JSON: {e.Message}");
        }
    }

    private static void WriteCache(string path, Dictionary<string, object?> token)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(token));
        if (File.Exists(path)) File.Delete(path);
        File.Move(temp, path);
    }

    internal static DateTimeOffset Expiry(Dictionary<string, object?> token, string key, string path) =>
        CredentialValues.ParseExpiration(token[key], "sso", path + " " + key) ?? throw new CredentialProviderException("sso", $"{path}: {key} is empty");

    internal static string Text(Dictionary<string, object?> token, string key, string path) =>
        token.TryGetValue(key, out var v) && v is string s && s.Length > 0 ? s : throw new CredentialProviderException("sso", $"{path}: {key} is missing");

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public override string ToString() => $"SsoTokenProvider(profile {_profile})";
}
