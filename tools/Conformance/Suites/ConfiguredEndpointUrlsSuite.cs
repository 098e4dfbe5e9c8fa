using System.Text;
using System.Text.Json;
using AwsCore.Config;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// botocore's configured-endpoint-URL cases: each suite's profiles and services sections are written out as a real
/// config file and parsed, the case's environment and client settings applied, and the endpoint URL compared.
/// </summary>
public sealed class ConfiguredEndpointUrlsSuite : ConformanceSuite
{
    public override string Name => "configured-endpoint-urls";

    public override void Run(string directory, CaseReporter reporter)
    {
        foreach (var file in Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var suiteIndex = 0;
            foreach (var suite in doc.RootElement.GetProperty("testSuites").EnumerateArray())
            {
                suiteIndex++;
                var configText = ConfigText(suite);
                foreach (var test in suite.GetProperty("endpointUrlTests").EnumerateArray())
                {
                    var name = $"{Path.GetFileName(file)}#{suiteIndex}: {test.GetProperty("name").GetString()}";
                    reporter.Run(name, () => RunCase(suite, test, configText));
                }
            }
        }
    }

    private static void RunCase(JsonElement suite, JsonElement test, string configText)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in suite.GetProperty("environments").GetProperty(test.GetProperty("environment").GetString()!).EnumerateObject())
            environment[pair.Name] = pair.Value.GetString()!;
        var clientConfig = suite.GetProperty("client_configs").GetProperty(test.GetProperty("client_config").GetString()!);
        var explicitUrl = clientConfig.TryGetProperty("endpoint_url", out var u) ? u.GetString() : null;
        bool? ignore = clientConfig.TryGetProperty("ignore_configured_endpoint_urls", out var i) ? i.GetBoolean() : null;

        var files = SharedConfigFiles.Parse(configText, null, "profile-tests/config");
        var resolver = new ConfigResolver(environment, new Dictionary<string, string?> { ["profile"] = test.GetProperty("profile").GetString() }, files: files);
        // The cases name clients ("s3", "dynamodb"), whose serviceIds ("S3", "DynamoDB") give the same snake-case key.
        var service = test.GetProperty("service").GetString()!;
        var configured = resolver.ResolveConfiguredEndpointUrl(service, explicitUrl, ignore);

        var expected = test.GetProperty("output").GetProperty("endpointUrl").GetString();
        if (configured.Value != null)
        {
            if (configured.Value != expected)
                throw new InvalidOperationException($"expected {expected}, got {configured.Value} from {configured.Source}");
            return;
        }
        // Nothing configured: the client falls back to its rule set, whose answer for these regions is the regional
        // default; the region must come from the profile.
        var region = resolver.Get("region");
        var fallback = $"https://{service}.{region.Value}.amazonaws.com";
        if (fallback != expected)
            throw new InvalidOperationException($"expected {expected}, got no configured endpoint ({configured.Source}) and the regional default {fallback}");
    }

    /// <summary>The suite's profiles and services as an INI config file.</summary>
    private static string ConfigText(JsonElement suite)
    {
        var sb = new StringBuilder();
        foreach (var profile in suite.GetProperty("profiles").EnumerateObject())
        {
            sb.Append(profile.Name == "default" ? "[default]" : $"[profile {profile.Name}]").Append('\n');
            foreach (var setting in profile.Value.EnumerateObject()) sb.Append(setting.Name).Append(" = ").Append(setting.Value.GetString()).Append('\n');
            sb.Append('\n');
        }
        foreach (var services in suite.GetProperty("services").EnumerateObject())
        {
            sb.Append($"[services {services.Name}]\n");
            foreach (var service in services.Value.EnumerateObject())
            {
                sb.Append(service.Name).Append(" =\n");
                foreach (var setting in service.Value.EnumerateObject()) sb.Append("  ").Append(setting.Name).Append(" = ").Append(setting.Value.GetString()).Append('\n');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
