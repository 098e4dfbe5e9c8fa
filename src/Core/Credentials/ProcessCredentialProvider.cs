using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AwsCore.Config;

namespace AwsCore.Credentials;

/// <summary>
/// credential_process in a profile (botocore's "custom-process"): runs the command (split as a POSIX shell would,
/// without a shell), reads Version 1 JSON from stdout (AccessKeyId, SecretAccessKey, SessionToken, Expiration),
/// passes each stderr line to <see cref="CredentialProviderOptions.ProcessErrorOutput"/>, and reports a non-zero
/// exit code as an error. With an Expiration the process is run again to refresh.
/// </summary>
public sealed class ProcessCredentialProvider : CachingCredentialProvider
{
    public const string ProviderName = "custom-process";

    private readonly CredentialProviderOptions _options;
    private readonly string _profile;

    public ProcessCredentialProvider(CredentialProviderOptions options, string profile) : base(options.Clock)
    {
        _options = options;
        _profile = profile;
    }

    public override string Name => ProviderName;

    protected override async Task<AwsCredentials?> FetchAsync(CancellationToken cancellationToken)
    {
        if (!_options.Config.Files.Profiles.TryGetValue(_profile, out var profile) || !profile.TryGetValue("credential_process", out var command))
            return null;
        var words = SectionName.ShellSplit(command.Text);
        if (words is null || words.Count == 0)
            throw new CredentialProviderException(Name, $"credential_process ({command}) is empty or has an unbalanced quote");

        var (exitCode, stdout) = await RunAsync(words, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
            throw new CredentialProviderException(Name, $"the credential_process '{words[0]}' of profile {_profile} exited with code {exitCode} (its error output was passed on)");
        return Parse(stdout, words[0]);
    }

    private AwsCredentials Parse(string stdout, string program)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stdout);
        }
        catch (JsonException)
        {
            throw new CredentialProviderException(Name, $"the credential_process '{program}' did not print a JSON object");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new CredentialProviderException(Name, $"the credential_process '{program}' did not print a JSON object");
            var version = root.TryGetProperty("Version", out var v) ? v.GetRawText() : "<Version key not provided>";
            if (version != "1")
                throw new CredentialProviderException(Name, $"unsupported Version {version} from credential_process '{program}'; supported versions: 1");
            string Required(string key) => root.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String && p.GetString()!.Length > 0
                ? p.GetString()!
                : throw new CredentialProviderException(Name, $"the output of credential_process '{program}' lacks the required key {key}");
            string? Optional(string key) => root.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            return new AwsCredentials(Required("AccessKeyId"), Required("SecretAccessKey"), Optional("SessionToken"),
                CredentialValues.ParseExpiration(Optional("Expiration"), Name, "Expiration"), Name);
        }
    }

    private async Task<(int ExitCode, string Stdout)> RunAsync(List<string> words, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(words[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
#if NET
        foreach (var word in words.Skip(1)) start.ArgumentList.Add(word);
#else
        start.Arguments = string.Join(" ", words.Skip(1).Select(QuoteWindowsArgument));
#endif
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process started");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new CredentialProviderException(Name, $"the credential_process '{words[0]}' of profile {_profile} could not be started: {e.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = Task.Run(async () =>
            {
                string? line;
                while ((line = await process.StandardError.ReadLineAsync().ConfigureAwait(false)) != null) _options.ProcessErrorOutput?.Invoke(line);
            });
            using (cancellationToken.Register(() => { try { process.Kill(); } catch (InvalidOperationException) { } }))
            {
                var output = await stdout.ConfigureAwait(false);
                await stderr.ConfigureAwait(false);
                process.WaitForExit();
                cancellationToken.ThrowIfCancellationRequested();
                return (process.ExitCode, output);
            }
        }
    }

#if !NET
    /// <summary>Quotes one argument the way the Windows C runtime splits command lines.</summary>
    private static string QuoteWindowsArgument(string arg)
    {
        if (arg.Length > 0 && arg.IndexOfAny(new[] { ' ', '\t', '"' }) < 0) return arg;
        var sb = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in arg)
        {
            if (c == '\\') { backslashes++; continue; }
            if (c == '"') sb.Append('\\', backslashes * 2 + 1).Append('"');
            else sb.Append('\\', backslashes).Append(c);
            backslashes = 0;
        }
        return sb.Append('\\', backslashes * 2).Append('"').ToString();
    }
#endif
}
