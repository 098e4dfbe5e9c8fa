using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AwsCore.Http;

/// <summary>
/// Builds the pooled message handler for a <see cref="TransportOptions"/>. On .NET Core runtimes this is a
/// SocketsHttpHandler (connect timeout, pool size, keep-alive); the netstandard2.0 build finds it by reflection so
/// the module gets the same behaviour in PowerShell 7 and falls back to HttpClientHandler in Windows PowerShell 5.1.
/// </summary>
internal static class HandlerFactory
{
    public static HttpMessageHandler Create(TransportOptions options)
    {
        var proxy = ProxySelector.Create(options.Proxies);
        var certificateCheck = CertificateCheck(options);
#if NET
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            MaxConnectionsPerServer = options.MaxPoolConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            Expect100ContinueTimeout = TimeSpan.FromSeconds(1),
        };
        if (proxy != null) { handler.Proxy = proxy; handler.UseProxy = true; }
        if (certificateCheck != null)
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (s, c, ch, e) => certificateCheck(c as X509Certificate2, ch, e) };
        if (options.TcpKeepAlive)
            handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always;
        return handler;
#else
        var sockets = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
        if (sockets != null && Activator.CreateInstance(sockets) is HttpMessageHandler modern)
        {
            Set(modern, "ConnectTimeout", options.ConnectTimeout);
            Set(modern, "MaxConnectionsPerServer", options.MaxPoolConnections);
            Set(modern, "PooledConnectionLifetime", TimeSpan.FromMinutes(5));
            Set(modern, "AllowAutoRedirect", false);
            Set(modern, "UseCookies", false);
            Set(modern, "Expect100ContinueTimeout", TimeSpan.FromSeconds(1));
            if (proxy != null) { Set(modern, "Proxy", proxy); Set(modern, "UseProxy", true); }
            if (certificateCheck != null
                && Type.GetType("System.Net.Security.SslClientAuthenticationOptions, System.Net.Security", throwOnError: false) is { } sslType
                && Activator.CreateInstance(sslType) is { } ssl)
            {
                RemoteCertificateValidationCallback callback = (s, c, ch, e) => certificateCheck(c as X509Certificate2 ?? (c is null ? null : new X509Certificate2(c)), ch, e);
                Set(ssl, "RemoteCertificateValidationCallback", callback);
                Set(modern, "SslOptions", ssl);
            }
            return modern;
        }
        var classic = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = options.MaxPoolConnections,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (proxy != null) { classic.Proxy = proxy; classic.UseProxy = true; }
        if (certificateCheck != null)
            classic.ServerCertificateCustomValidationCallback = (m, c, ch, e) => certificateCheck(c, ch, e);
        return classic;
#endif
    }

#if !NET
    private static void Set(object target, string property, object value) =>
        target.GetType().GetProperty(property)?.SetValue(target, value);
#endif

    private static Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool>? CertificateCheck(TransportOptions options)
    {
        if (!options.VerifySsl) return (_, _, _) => true;
        if (options.CaBundle is null) return null;
        var roots = CaBundle.Load(options.CaBundle);
        return (certificate, _, errors) => certificate != null && CaBundle.Validate(certificate, roots, errors);
    }
}
