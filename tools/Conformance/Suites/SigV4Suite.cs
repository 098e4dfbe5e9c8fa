using System.Text;
using AwsCore.Auth;
using AwsCore.Credentials;
using AwsCore.Http;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// The aws4 test suite: each folder's .req is signed with the suite's fixed key, time, region and service, and
/// the canonical request, string to sign, Authorization header and signed request are compared with the files.
/// </summary>
public sealed class SigV4Suite : ConformanceSuite
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    /// <summary>The cases botocore's own runner leaves out, with its reasons.</summary>
    private static readonly Dictionary<string, string> BotocoreSkips = new(StringComparer.Ordinal)
    {
        ["normalize-path/get-space"] = "botocore skips it: the request line has an unencoded space, so the raw request cannot be parsed",
        ["get-vanilla-query-order-key-case"] = "botocore skips it: repeated query keys, which botocore's request model cannot hold",
        ["get-vanilla-query-order-key"] = "botocore skips it: repeated query keys, which botocore's request model cannot hold",
        ["get-vanilla-query-order-value"] = "botocore skips it: repeated query keys, which botocore's request model cannot hold",
    };

    public override string Name => "sigv4";

    public override void Run(string directory, CaseReporter reporter)
    {
        var requests = Directory.GetFiles(directory, "*.req", SearchOption.AllDirectories);
        Array.Sort(requests, StringComparer.Ordinal);
        foreach (var reqFile in requests)
        {
            var caseDir = Path.GetDirectoryName(reqFile)!;
            var name = Path.GetRelativePath(directory, caseDir).Replace('\\', '/');
            if (BotocoreSkips.TryGetValue(name, out var reason))
            {
                reporter.Skip(name, reason);
                continue;
            }
            reporter.Run(name, () => RunCase(caseDir, reqFile));
        }
    }

    private static void RunCase(string caseDir, string reqFile)
    {
        var stem = Path.Combine(caseDir, Path.GetFileNameWithoutExtension(reqFile));
        var expectedCreq = Read(stem + ".creq");
        var request = ParseRequest(Read(reqFile));
        var token = TokenFrom(expectedCreq);
        var credentials = new AwsCredentials(AccessKey, SecretKey, token, source: "conformance");
        var signer = new SigV4Signer(() => Time, new SigningKeyCache());
        var result = signer.SignCore(request, credentials, new SigV4SigningOptions("us-east-1", "service"));

        Expect("canonical request", expectedCreq, result.CanonicalRequest);
        Expect("string to sign", Read(stem + ".sts"), result.StringToSign);
        Expect("Authorization", Read(stem + ".authz"), request.Headers["Authorization"]);

        // The .sreq must show the headers the signer adds. Authorization is compared with .authz only: upstream's
        // get-vanilla-with-session-token.sreq carries a signature that disagrees with its own .authz.
        var signedRequest = Read(stem + ".sreq").Split('\n');
        foreach (var added in new[] { "X-Amz-Date", "X-Amz-Security-Token" })
        {
            if (!request.Headers.TryGetValue(added, out var value)) continue;
            if (Array.IndexOf(signedRequest, added + ":" + value) < 0)
                throw new InvalidOperationException($"signed request: the {added} line is not the one in the .sreq");
        }
    }

    private static string? TokenFrom(string creq)
    {
        foreach (var line in creq.Split('\n'))
            if (line.StartsWith("x-amz-security-token:", StringComparison.Ordinal)) return line.Substring("x-amz-security-token:".Length);
        return null;
    }

    /// <summary>Reads a raw HTTP/1.1 request: request line, headers (continuation lines kept), blank line, body.</summary>
    internal static AwsHttpRequest ParseRequest(string raw)
    {
        var lines = raw.Split('\n');
        var requestLine = lines[0];
        var firstSpace = requestLine.IndexOf(' ');
        var lastSpace = requestLine.LastIndexOf(' ');
        var target = requestLine.Substring(firstSpace + 1, lastSpace - firstSpace - 1);
        var request = new AwsHttpRequest { Method = requestLine.Substring(0, firstSpace) };

        var headers = new List<KeyValuePair<string, string>>();
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var line = lines[i];
            if ((line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var last = headers[headers.Count - 1];
                headers[headers.Count - 1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }
            var colon = line.IndexOf(':');
            headers.Add(new(line.Substring(0, colon), line.Substring(colon + 1)));
        }
        foreach (var group in headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            request.Headers[group.Key] = string.Join(",", group.Select(h => h.Value.Trim()));
        if (i < lines.Length - 1) request.Body = Encoding.UTF8.GetBytes(string.Join("\n", lines.Skip(i + 1)));

        var question = target.IndexOf('?');
        request.Path = question < 0 ? target : target.Substring(0, question);
        if (question >= 0)
        {
            foreach (var pair in target.Substring(question + 1).Split('&'))
            {
                var eq = pair.IndexOf('=');
                var key = Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq));
                request.Query.Add(new(key, eq < 0 ? "" : Uri.UnescapeDataString(pair.Substring(eq + 1))));
            }
        }
        request.Endpoint = new Uri("https://" + request.Headers["Host"]);
        return request;
    }

    private static void Expect(string what, string expected, string actual)
    {
        if (expected != actual)
            throw new InvalidOperationException($"{what} differs:\n--- expected\n{expected}\n--- actual\n{actual}");
    }

    private static string Read(string path) => File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n");
}
