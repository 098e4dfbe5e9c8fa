using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AwsCore.Auth;
using AwsCore.Credentials;
using AwsCore.Http;

namespace AwsCore.Tests.Credentials;

/// <summary>
/// A stand-in for the client's <see cref="AwsServiceCall"/> that speaks the wire protocols of the three services the
/// providers call (STS query, SSO and SSO-OIDC rest-json) to one endpoint, signing with <see cref="SigV4Signer"/>
/// when the context carries credentials. It lets the providers run against real HTTP servers in tests.
/// </summary>
internal sealed class LoopbackServiceCall
{
    private static readonly HttpClient Http = new();
    private readonly string _endpoint;

    public LoopbackServiceCall(string endpoint) => _endpoint = endpoint;

    public AwsServiceCall Delegate => CallAsync;

    private async Task<AwsCore.Models.ValueMap> CallAsync(string service, string operation, Dictionary<string, object?> parameters, AwsServiceCallContext context, CancellationToken ct)
    {
        var endpoint = new Uri(context.EndpointUrl ?? _endpoint);
        return new AwsCore.Models.ValueMap(service switch
        {
            "sts" => await StsAsync(endpoint, operation, parameters, context, ct),
            "sso" => await SsoAsync(endpoint, parameters, ct),
            "sso-oidc" => await OidcAsync(endpoint, parameters, ct),
            _ => throw new NotSupportedException(service),
        });
    }

    private static async Task<Dictionary<string, object?>> StsAsync(Uri endpoint, string operation, Dictionary<string, object?> parameters, AwsServiceCallContext context, CancellationToken ct)
    {
        var form = new StringBuilder("Action=" + operation + "&Version=2011-06-15");
        foreach (var pair in parameters)
            form.Append('&').Append(UriEncoding.Encode(pair.Key)).Append('=').Append(UriEncoding.Encode(Convert.ToString(pair.Value, CultureInfo.InvariantCulture)!));
        var request = new AwsHttpRequest { Method = "POST", Endpoint = endpoint, Body = Encoding.UTF8.GetBytes(form.ToString()) };
        request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        if (context.Credentials != null)
            new SigV4Signer().Sign(request, context.Credentials, new SigV4SigningOptions(context.Region ?? "us-east-1", "sts"));
        var xml = XDocument.Parse(await SendAsync(request, ct));
        XNamespace ns = "https://sts.amazonaws.com/doc/2011-06-15/";
        var error = xml.Descendants(ns + "Error").FirstOrDefault();
        if (error != null) throw new InvalidOperationException("STS error " + error.Element(ns + "Code")?.Value);
        var creds = xml.Descendants(ns + "Credentials").Single();
        return new Dictionary<string, object?>
        {
            ["Credentials"] = new Dictionary<string, object?>
            {
                ["AccessKeyId"] = creds.Element(ns + "AccessKeyId")!.Value,
                ["SecretAccessKey"] = creds.Element(ns + "SecretAccessKey")!.Value,
                ["SessionToken"] = creds.Element(ns + "SessionToken")!.Value,
                ["Expiration"] = DateTime.Parse(creds.Element(ns + "Expiration")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            },
        };
    }

    private static async Task<Dictionary<string, object?>> SsoAsync(Uri endpoint, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        var request = new AwsHttpRequest { Method = "GET", Endpoint = endpoint, Path = "/federation/credentials" };
        request.Query.Add(new("account_id", (string)parameters["accountId"]!));
        request.Query.Add(new("role_name", (string)parameters["roleName"]!));
        request.Headers["x-amz-sso_bearer_token"] = (string)parameters["accessToken"]!;
        using var doc = JsonDocument.Parse(await SendAsync(request, ct));
        var role = doc.RootElement.GetProperty("roleCredentials");
        return new Dictionary<string, object?>
        {
            ["roleCredentials"] = new Dictionary<string, object?>
            {
                ["accessKeyId"] = role.GetProperty("accessKeyId").GetString(),
                ["secretAccessKey"] = role.GetProperty("secretAccessKey").GetString(),
                ["sessionToken"] = role.GetProperty("sessionToken").GetString(),
                ["expiration"] = role.GetProperty("expiration").GetInt64(),
            },
        };
    }

    private static async Task<Dictionary<string, object?>> OidcAsync(Uri endpoint, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        var request = new AwsHttpRequest { Method = "POST", Endpoint = endpoint, Path = "/token", Body = JsonSerializer.SerializeToUtf8Bytes(parameters) };
        request.Headers["Content-Type"] = "application/json";
        using var doc = JsonDocument.Parse(await SendAsync(request, ct));
        var result = new Dictionary<string, object?>();
        foreach (var p in doc.RootElement.EnumerateObject())
            result[p.Name] = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetInt32() : p.Value.GetString();
        return result;
    }

    private static async Task<string> SendAsync(AwsHttpRequest request, CancellationToken ct)
    {
        var uri = new Uri(request.Endpoint!, request.PathAndQuery);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.Method != "GET") message.Content = new ByteArrayContent(request.Body);
        foreach (var header in request.Headers)
        {
            if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) message.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(header.Value);
            else message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        using var response = await Http.SendAsync(message, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode && !body.Contains("<Error>")) throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
        return body;
    }
}
