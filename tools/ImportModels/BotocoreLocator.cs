using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AwsCore.ImportModels;

/// <summary>Finds the botocore data directory of the python3 on PATH, and the botocore version beside it.</summary>
internal static class BotocoreLocator
{
    private const string Probe = "import botocore,os;print(os.path.dirname(botocore.__file__))";

    public static string FindDataDirectory()
    {
        string output;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3")
            {
                ArgumentList = { "-c", Probe },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new ModelImportException(
                    "python3 could not import botocore (install it with `python3 -m pip install botocore`, or pass the data directory as the first argument): " + error.Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ModelImportException(
                "python3 was not found on PATH; install python3 with botocore, or pass the botocore data directory as the first argument", e);
        }
        var data = Path.Combine(output.Trim(), "data");
        if (!Directory.Exists(data))
            throw new ModelImportException($"botocore is installed at {output.Trim()} but has no data directory {data}");
        return data;
    }

    /// <summary>The <c>__version__</c> of the botocore package holding <paramref name="dataDirectory"/>, or null.</summary>
    public static string? FindVersion(string dataDirectory)
    {
        var init = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar))!, "__init__.py");
        if (!File.Exists(init)) return null;
        var match = Regex.Match(File.ReadAllText(init), @"^__version__\s*=\s*['""]([^'""]+)['""]", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }
}
