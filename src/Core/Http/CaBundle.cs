using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace AwsCore.Http;

/// <summary>A PEM bundle of trusted CA certificates (AWS_CA_BUNDLE / ca_bundle) and chain validation against it.</summary>
internal static class CaBundle
{
    private const string Begin = "-----BEGIN CERTIFICATE-----";
    private const string End = "-----END CERTIFICATE-----";

    public static X509Certificate2Collection Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"ca_bundle {path}: cannot be read: {e.Message}", e);
        }
        var certificates = new X509Certificate2Collection();
        var position = 0;
        while ((position = text.IndexOf(Begin, position, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf(End, position, StringComparison.Ordinal);
            if (end < 0) throw new ArgumentException($"ca_bundle {path}: line {LineOf(text, position)}: certificate has no END line");
            var body = text.Substring(position + Begin.Length, end - position - Begin.Length);
            try
            {
                certificates.Add(new X509Certificate2(Convert.FromBase64String(body.Replace("\r", "").Replace("\n", "").Trim())));
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"ca_bundle {path}: line {LineOf(text, position)}: certificate is not valid base64", e);
            }
            position = end + End.Length;
        }
        if (certificates.Count == 0) throw new ArgumentException($"ca_bundle {path}: no PEM certificate in the file");
        return certificates;
    }

    /// <summary>True when the server certificate chains to one of <paramref name="roots"/> and names the host.</summary>
    public static bool Validate(X509Certificate2 certificate, X509Certificate2Collection roots, SslPolicyErrors errors)
    {
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        chain.ChainPolicy.ExtraStore.AddRange(roots);
        if (!chain.Build(certificate)) return false;
        var anchor = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
        foreach (var root in roots)
            if (root.Thumbprint == anchor.Thumbprint) return true;
        return false;
    }

    private static int LineOf(string text, int position)
    {
        var line = 1;
        for (var i = 0; i < position; i++) if (text[i] == '\n') line++;
        return line;
    }
}
