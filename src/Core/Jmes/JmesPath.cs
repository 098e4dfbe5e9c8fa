using System.Collections.Concurrent;

namespace AwsCore.Jmes;

/// <summary>
/// Entry point for JMESPath (https://jmespath.org/specification.html): compiles expressions, keeping the most
/// recently used compiled forms by expression text so paginators, waiters and -Query parse each expression once.
/// </summary>
public static class JmesPath
{
    private const int CacheLimit = 1024;
    private static readonly ConcurrentDictionary<string, JmesPathExpression> Cache = new(StringComparer.Ordinal);

    /// <summary>The compiled form of <paramref name="expression"/>, from the cache when compiled before.</summary>
    /// <exception cref="JmesPathException">A syntax error; its Column points at the offending token.</exception>
    public static JmesPathExpression Compile(string expression)
    {
        if (expression is null) throw new ArgumentNullException(nameof(expression));
        if (Cache.TryGetValue(expression, out var compiled)) return compiled;
        compiled = new JmesPathExpression(expression, Parser.Parse(expression));
        // A bounded cache: a process evaluating endless distinct expressions (generated queries) stays flat.
        if (Cache.Count >= CacheLimit) Cache.Clear();
        return Cache.GetOrAdd(expression, compiled);
    }

    /// <summary>Compiles (or reuses) <paramref name="expression"/> and evaluates it over <paramref name="data"/>.</summary>
    /// <exception cref="JmesPathException">A syntax error, or an error raised while evaluating.</exception>
    public static object? Search(string expression, object? data) => Compile(expression).Search(data);
}
