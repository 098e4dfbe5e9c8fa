using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsCore.Tests.Differential;

/// <summary>A request as botocore prepared it, just before sending.</summary>
internal sealed record BotocoreRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// Builds botocore's requests for a batch of calls in one python3 process (botocore_requests.py beside this file,
/// copied to the test output): one JSON line in and one out per call, with the clock frozen and nothing sent.
/// </summary>
internal static class BotocoreRequests
{
    public static Dictionary<string, BotocoreRequest> Build(IEnumerable<JsonObject> calls)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Differential", "botocore_requests.py");
        if (!File.Exists(script)) throw new FileNotFoundException("the differential script was not copied to the test output", script);
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/awscore-test/config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/awscore-test/credentials";
        start.Environment["HOME"] = Path.GetTempPath();

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("python3 is not on PATH; install Python 3 and `python3 -m pip install botocore` to run the differential tests", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            foreach (var call in calls) process.StandardInput.WriteLine(call.ToJsonString());
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                if (stderr.Result.Contains("No module named 'botocore'"))
                    throw new InvalidOperationException("botocore is not installed for python3; run `python3 -m pip install botocore` to run the differential tests");
                throw new InvalidOperationException("botocore_requests.py failed: " + stderr.Result);
            }
            var results = new Dictionary<string, BotocoreRequest>(StringComparer.Ordinal);
            foreach (var line in stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var id = root.GetProperty("id").GetString()!;
                if (root.TryGetProperty("error", out var error))
                    throw new InvalidOperationException($"botocore could not build {id}: {error.GetString()}");
                results[id] = new BotocoreRequest(
                    root.GetProperty("method").GetString()!,
                    root.GetProperty("url").GetString()!,
                    root.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase),
                    Convert.FromBase64String(root.GetProperty("body").GetString()!));
            }
            return results;
        }
    }
}
