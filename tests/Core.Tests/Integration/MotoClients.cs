using AwsCore.Credentials;
using AwsCore.Runtime;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Integration;

/// <summary>Clients pointed at the test run's moto_server, with fixed test credentials and an environment of their own.</summary>
internal static class MotoClients
{
    public static readonly AwsCredentials Credentials = new("AKIDMOTOTEST", "moto-test-secret-key", source: "test");

    public static AwsClient Create(MotoServer moto, string service, ClientConfig? config = null, string region = "us-east-1") =>
        AwsClientFactory.Create(service, new ClientOptions
        {
            Region = region,
            EndpointUrl = moto.Url,
            Credentials = Credentials,
            Config = config,
            Environment = IsolatedEnvironment(),
        });

    /// <summary>No AWS_* variables, and config files that do not exist, so the machine's own ~/.aws never leaks in.</summary>
    public static IReadOnlyDictionary<string, string> IsolatedEnvironment() => new Dictionary<string, string>
    {
        ["AWS_CONFIG_FILE"] = "/nonexistent/awscore-test/config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/awscore-test/credentials",
        ["HOME"] = Path.GetTempPath(),
    };

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 10);

    public static T Get<T>(this IDictionary<string, object?> tree, params string[] path) => (T)Walk(tree, path)!;

    public static object? Walk(object? node, params string[] path)
    {
        foreach (var step in path)
        {
            node = node switch
            {
                IDictionary<string, object?> map => map.TryGetValue(step, out var v) ? v : null,
                IList<object?> list when int.TryParse(step, out var i) => i < list.Count ? list[i] : null,
                _ => null,
            };
        }
        return node;
    }
}
