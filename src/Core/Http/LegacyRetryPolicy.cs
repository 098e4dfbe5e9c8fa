namespace AwsCore.Http;

/// <summary>One service's legacy retry policy: max attempts, the delay formula and the conditions that retry.</summary>
public sealed class LegacyRetryPolicy
{
    private LegacyRetryPolicy(int maxAttempts, double? delayBase, double growthFactor, IReadOnlyList<Condition> conditions)
    {
        MaxAttempts = maxAttempts;
        DelayBase = delayBase;
        GrowthFactor = growthFactor;
        Conditions = conditions;
    }

    /// <summary>Total attempts, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The delay base in seconds, or null for "rand" (a random number in [0, 1)).</summary>
    public double? DelayBase { get; }

    /// <summary>Delay = base * growth_factor ^ (attempts - 1).</summary>
    public double GrowthFactor { get; }

    /// <summary>The named conditions in _retry.json order.</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    /// <summary>Whether any condition retries connection errors and read timeouts ("socket_errors").</summary>
    public bool RetriesSocketErrors => Conditions.Any(c => c.Kind == ConditionKind.SocketErrors);

    internal static LegacyRetryPolicy From(Dictionary<string, object?> config, string where)
    {
        var maxAttempts = config.TryGetValue("max_attempts", out var m) && m is long max
            ? (int)max
            : throw new FormatException($"{where}: no integer max_attempts");
        var delay = config.TryGetValue("delay", out var d) && d is Dictionary<string, object?> delayMap
            ? delayMap
            : throw new FormatException($"{where}: no delay");
        if (!delayMap.TryGetValue("type", out var type) || (string?)type != "exponential")
            throw new FormatException($"{where}.delay: only exponential delays are known, got '{type}'");
        double? delayBase = delay["base"] switch
        {
            "rand" => null,
            long l when l > 0 => l,
            double f when f > 0 => f,
            var other => throw new FormatException($"{where}.delay.base: must be \"rand\" or greater than 0, got {other}"),
        };
        var growth = delay.TryGetValue("growth_factor", out var g) ? Convert.ToDouble(g, System.Globalization.CultureInfo.InvariantCulture) : 2;
        var conditions = new List<Condition>();
        if (config.TryGetValue("policies", out var p) && p is Dictionary<string, object?> policies)
            foreach (var policy in policies) conditions.Add(Condition.From(policy.Key, policy.Value, $"{where}.policies.{policy.Key}"));
        return new LegacyRetryPolicy(maxAttempts, delayBase, growth, conditions);
    }

    /// <summary>What a condition looks at.</summary>
    public enum ConditionKind
    {
        /// <summary>An HTTP status alone.</summary>
        Status,
        /// <summary>An HTTP status and a service error code.</summary>
        ServiceError,
        /// <summary>The CRC32 of the body against a header (DynamoDB's x-amz-crc32).</summary>
        Crc32,
        /// <summary>Connection errors and read timeouts.</summary>
        SocketErrors,
    }

    /// <summary>One policy of _retry.json.</summary>
    public sealed class Condition
    {
        private Condition(string name, ConditionKind kind, int status, string? errorCode)
        {
            Name = name;
            Kind = kind;
            Status = status;
            ErrorCode = errorCode;
        }

        /// <summary>The policy's name ("throttling_exception").</summary>
        public string Name { get; }
        /// <summary>What it looks at.</summary>
        public ConditionKind Kind { get; }
        /// <summary>The HTTP status it matches (Status and ServiceError).</summary>
        public int Status { get; }
        /// <summary>The error code it matches (ServiceError).</summary>
        public string? ErrorCode { get; }

        internal static Condition From(string name, object? value, string where)
        {
            if (value is not Dictionary<string, object?> policy || !policy.TryGetValue("applies_when", out var a) ||
                a is not Dictionary<string, object?> appliesWhen)
                throw new FormatException($"{where}: no applies_when");
            if (appliesWhen.TryGetValue("response", out var r) && r is Dictionary<string, object?> response)
            {
                if (response.TryGetValue("service_error_code", out var code))
                    return new Condition(name, ConditionKind.ServiceError, StatusOf(response, where), (string?)code);
                if (response.ContainsKey("http_status_code"))
                    return new Condition(name, ConditionKind.Status, StatusOf(response, where), null);
                if (response.ContainsKey("crc32body")) return new Condition(name, ConditionKind.Crc32, 0, null);
                throw new FormatException($"{where}: Unknown retry policy");
            }
            if (appliesWhen.ContainsKey("socket_errors")) return new Condition(name, ConditionKind.SocketErrors, 0, null);
            throw new FormatException($"{where}: Unknown retry policy");
        }

        private static int StatusOf(Dictionary<string, object?> response, string where) =>
            response.TryGetValue("http_status_code", out var s) && s is long status
                ? (int)status
                : throw new FormatException($"{where}: http_status_code must be an integer");

        /// <inheritdoc />
        public override string ToString() => Kind switch
        {
            ConditionKind.Status => $"{Name} (HTTP {Status})",
            ConditionKind.ServiceError => $"{Name} (HTTP {Status} {ErrorCode})",
            _ => $"{Name} ({Kind})",
        };
    }
}
