// TEMPORARY: the signatures of the lead's Runtime call pipeline (AwsClient, AwsClientFactory, ClientOptions),
// declared here only so the Module compiles before that code reaches main.
// Delete this file when `git merge main` brings the real types; nothing here makes a call.
#pragma warning disable CS1591
namespace AwsCore.Runtime
{
    public sealed class AwsClient : IDisposable
    {
        private AwsClient() { }

        public IReadOnlyList<string> Provenance => throw Pending();

        public Task<Dictionary<string, object?>> InvokeAsync(string operation, IDictionary<string, object?>? parameters, CancellationToken cancellationToken) => throw Pending();

        public IAsyncEnumerable<object?> PaginateItemsAsync(string operation, IDictionary<string, object?>? parameters, PaginationOptions options, CancellationToken cancellationToken) => throw Pending();

        public IAsyncEnumerable<Dictionary<string, object?>> PaginatePagesAsync(string operation, IDictionary<string, object?>? parameters, PaginationOptions options, CancellationToken cancellationToken) => throw Pending();

        public void Dispose() { }

        internal static NotSupportedException Pending() =>
            new("AwsCore.Runtime.AwsClient has not been merged into this build yet (src/Module/PendingCoreApi.cs stands in for it)");
    }

    public static class AwsClientFactory
    {
        public static AwsClient Create(string service, ClientOptions options) => throw AwsClient.Pending();
    }

    public sealed class ClientOptions
    {
        public string? Region { get; init; }
        public string? ProfileName { get; init; }
        public string? EndpointUrl { get; init; }
        public AwsCore.Credentials.AwsCredentials? Credentials { get; init; }
    }
}
