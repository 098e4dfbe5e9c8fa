using AwsCore.Testing;

namespace AwsCore.Tests.Auth;

/// <summary>Runs a python3 script that uses botocore and returns its stdout; fails with an install hint where python3 or botocore is missing.</summary>
internal static class PythonOracle
{
    public static string Run(string script, IDictionary<string, string>? environment = null, bool clearAwsEnvironment = true)
    {
        var (code, output, error) = Python3.Run(new[] { "-" }, script,
            "python3 is not on PATH; install Python 3 and 'pip install botocore' to run the botocore differential tests", environment: start =>
            {
                if (clearAwsEnvironment) Python3.WithoutAwsVariables(start);
                if (environment != null)
                    foreach (var pair in environment) start[pair.Key] = pair.Value;
            });
        if (code != 0)
        {
            if (error.Contains("No module named 'botocore'"))
                throw new InvalidOperationException("botocore is not installed for python3; run 'pip install botocore' to run the differential tests");
            throw new InvalidOperationException("python3 failed: " + error);
        }
        return output;
    }
}
