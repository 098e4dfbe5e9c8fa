using System.Collections.Concurrent;

namespace AwsCore.Runtime;

/// <summary>
/// A handler for an AwsCore event. It may change what the event args carry (parameters, request headers, the parsed
/// response) and may return a non-null value to answer the event (see <see cref="AwsEventEmitter.EmitUntilResponse"/>).
/// </summary>
public delegate object? AwsEventHandler(AwsEventArgs e);

/// <summary>Where a handler runs among the handlers of the same event name.</summary>
public enum HandlerPosition
{
    /// <summary>Before every handler registered with <see cref="Middle"/> or <see cref="Last"/>.</summary>
    First,

    /// <summary>In registration order (the default).</summary>
    Middle,

    /// <summary>After every handler registered with <see cref="First"/> or <see cref="Middle"/>.</summary>
    Last,
}

/// <summary>
/// The extension points of a call, keyed by botocore's event names: <c>&lt;event&gt;.&lt;service id&gt;.&lt;Operation&gt;</c>
/// ("before-call.s3.PutObject"), where the service id is the model's serviceId hyphenated and lower-cased.
/// A handler registered for a prefix of a name runs for every name under it: "before-call.s3" for every S3 operation,
/// "before-call" for every call; a "*" part matches any one part. Handlers for the most specific name run first,
/// then those of each shorter prefix; among one name, first/middle/last sections in registration order.
/// Older service names in event names (botocore's aliases: "autoscaling", "logs", ...) are translated.
/// Thread-safe: handlers may be registered and removed while calls emit events.
/// </summary>
public sealed class AwsEventEmitter
{
    private readonly object _lock = new();
    private readonly Node _root = new();
    private readonly Dictionary<string, AwsEventRegistration> _uniqueIds = new(StringComparer.Ordinal);
    // Keyed by the name as emitted, so an emit of a name seen before translates no alias and walks no trie.
    private ConcurrentDictionary<string, Matched> _cache = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="handler"/> for <paramref name="eventName"/> and every name under it.</summary>
    /// <param name="eventName">A full or partial event name ("before-call.s3"); a "*" part matches any one part.</param>
    /// <param name="handler">Called with the event's args; a non-null return answers the event.</param>
    /// <param name="position">The handler's section among the handlers of the same name.</param>
    /// <param name="uniqueId">When given and already registered, nothing is added and the existing registration is returned.</param>
    /// <returns>The handle that unregisters it (also by disposing it).</returns>
    public AwsEventRegistration Register(string eventName, AwsEventHandler handler, HandlerPosition position = HandlerPosition.Middle, string? uniqueId = null)
    {
        if (string.IsNullOrEmpty(eventName)) throw new ArgumentException("an event name is required", nameof(eventName));
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        var name = EventAliases.Apply(eventName);
        lock (_lock)
        {
            if (uniqueId != null && _uniqueIds.TryGetValue(uniqueId, out var existing)) return existing;
            var registration = new AwsEventRegistration(this, name, handler, position, uniqueId);
            var node = _root;
            foreach (var part in name.Split('.'))
            {
                if (!node.Children.TryGetValue(part, out var child)) node.Children[part] = child = new Node();
                node = child;
            }
            node.Sections[(int)position].Add(registration);
            if (uniqueId != null) _uniqueIds[uniqueId] = registration;
            _cache = new ConcurrentDictionary<string, Matched>(StringComparer.Ordinal);
            return registration;
        }
    }

    /// <summary>Registers a handler that runs before the middle and last handlers of the same name.</summary>
    public AwsEventRegistration RegisterFirst(string eventName, AwsEventHandler handler, string? uniqueId = null) =>
        Register(eventName, handler, HandlerPosition.First, uniqueId);

    /// <summary>Registers a handler that runs after the first and middle handlers of the same name.</summary>
    public AwsEventRegistration RegisterLast(string eventName, AwsEventHandler handler, string? uniqueId = null) =>
        Register(eventName, handler, HandlerPosition.Last, uniqueId);

    /// <summary>Removes a registration; false when it was already removed.</summary>
    public bool Unregister(AwsEventRegistration registration)
    {
        if (registration is null) throw new ArgumentNullException(nameof(registration));
        lock (_lock)
        {
            if (!RemoveFrom(_root, registration.EventName.Split('.'), 0, registration)) return false;
            if (registration.UniqueId != null) _uniqueIds.Remove(registration.UniqueId);
            _cache = new ConcurrentDictionary<string, Matched>(StringComparer.Ordinal);
            return true;
        }
    }

    /// <summary>Removes the first registration of <paramref name="handler"/> for exactly <paramref name="eventName"/>; false when there is none.</summary>
    public bool Unregister(string eventName, AwsEventHandler handler)
    {
        var name = EventAliases.Apply(eventName);
        AwsEventRegistration? found;
        lock (_lock)
        {
            var node = _root;
            foreach (var part in name.Split('.'))
                if (!node.Children.TryGetValue(part, out node!)) return false;
            found = node.Sections.SelectMany(s => s).FirstOrDefault(r => r.Handler == handler);
        }
        return found != null && Unregister(found);
    }

    /// <summary>Removes the registration made with <paramref name="uniqueId"/>; false when there is none.</summary>
    public bool UnregisterUniqueId(string uniqueId)
    {
        AwsEventRegistration? found;
        lock (_lock) _uniqueIds.TryGetValue(uniqueId, out found);
        return found != null && Unregister(found);
    }

    /// <summary>Calls every handler that matches <paramref name="eventName"/>, in order, and returns what each returned.</summary>
    public IReadOnlyList<KeyValuePair<AwsEventRegistration, object?>> Emit(string eventName, AwsEventArgs args) =>
        EmitCore(eventName, args, stopOnResponse: false);

    /// <summary>
    /// Calls the matching handlers in order until one returns a non-null value, and returns that value (null when none
    /// did): how a handler answers for the call, as botocore's emit_until_response and first_non_none_response.
    /// </summary>
    public object? EmitUntilResponse(string eventName, AwsEventArgs args)
    {
        foreach (var response in EmitCore(eventName, args, stopOnResponse: true))
            if (response.Value != null) return response.Value;
        return null;
    }

    /// <summary>True when some handler would run for <paramref name="eventName"/> (lets a caller skip building event args).</summary>
    public bool HasHandlers(string eventName) => Lookup(eventName).Handlers.Length > 0;

    /// <summary>A new emitter with the same registrations (unique ids included); later changes to either do not reach the other.</summary>
    public AwsEventEmitter Copy()
    {
        var copy = new AwsEventEmitter();
        lock (_lock)
        {
            foreach (var registration in All(_root))
                copy.Register(registration.EventName, registration.Handler, registration.Position, registration.UniqueId);
        }
        return copy;
    }

    /// <summary>The event name botocore uses for an event of one operation: "before-call.auto-scaling-plans.CreateScalingPlan".</summary>
    public static string EventName(string eventType, Models.ServiceModel service, string? operationName = null) =>
        operationName is null ? $"{eventType}.{service.HyphenizedServiceId}" : $"{eventType}.{service.HyphenizedServiceId}.{operationName}";

    private IReadOnlyList<KeyValuePair<AwsEventRegistration, object?>> EmitCore(string eventName, AwsEventArgs args, bool stopOnResponse)
    {
        var (name, handlers) = Lookup(eventName);
        if (handlers.Length == 0) return Array.Empty<KeyValuePair<AwsEventRegistration, object?>>();
        args.EventName = name;
        var responses = new List<KeyValuePair<AwsEventRegistration, object?>>(handlers.Length);
        foreach (var registration in handlers)
        {
            var response = registration.Handler(args);
            responses.Add(new KeyValuePair<AwsEventRegistration, object?>(registration, response));
            if (stopOnResponse && response != null) break;
        }
        return responses;
    }

    /// <summary>The name after alias translation and the handlers that match it, for a name as emitted.</summary>
    private Matched Lookup(string eventName)
    {
        var cache = _cache;
        if (cache.TryGetValue(eventName, out var cached)) return cached;
        var name = EventAliases.Apply(eventName);
        lock (_lock)
        {
            var found = new Matched(name, PrefixSearch(name.Split('.')));
            _cache.TryAdd(eventName, found);
            return found;
        }
    }

    /// <summary>
    /// botocore's _PrefixTrie.prefix_search: a depth-first walk over the exact part and "*" at each level; each node's
    /// handlers go before everything found so far, so the deepest (most specific) node's come first.
    /// </summary>
    private AwsEventRegistration[] PrefixSearch(string[] parts)
    {
        var collected = new List<AwsEventRegistration>();
        var stack = new Stack<(Node Node, int Index)>();
        stack.Push((_root, 0));
        while (stack.Count > 0)
        {
            var (node, index) = stack.Pop();
            var own = node.Sections.SelectMany(s => s).ToList();
            if (own.Count > 0) collected.InsertRange(0, own);
            if (index == parts.Length) continue;
            if (node.Children.TryGetValue("*", out var wildcard)) stack.Push((wildcard, index + 1));
            if (node.Children.TryGetValue(parts[index], out var direct)) stack.Push((direct, index + 1));
        }
        return collected.ToArray();
    }

    private static bool RemoveFrom(Node node, string[] parts, int index, AwsEventRegistration registration)
    {
        if (index == parts.Length)
        {
            foreach (var section in node.Sections)
                if (section.Remove(registration)) return true;
            return false;
        }
        if (!node.Children.TryGetValue(parts[index], out var child)) return false;
        var removed = RemoveFrom(child, parts, index + 1, registration);
        if (removed && child.Children.Count == 0 && child.Sections.All(s => s.Count == 0)) node.Children.Remove(parts[index]);
        return removed;
    }

    private static IEnumerable<AwsEventRegistration> All(Node node) =>
        node.Sections.SelectMany(s => s).Concat(node.Children.Values.SelectMany(All));

    private readonly record struct Matched(string Name, AwsEventRegistration[] Handlers);

    private sealed class Node
    {
        public readonly Dictionary<string, Node> Children = new(StringComparer.Ordinal);
        public readonly List<AwsEventRegistration>[] Sections = { new(), new(), new() };
    }
}

/// <summary>One handler registered for one event name; dispose it (or pass it to Unregister) to remove the handler.</summary>
public sealed class AwsEventRegistration : IDisposable
{
    private readonly AwsEventEmitter _emitter;

    internal AwsEventRegistration(AwsEventEmitter emitter, string eventName, AwsEventHandler handler, HandlerPosition position, string? uniqueId)
    {
        _emitter = emitter;
        EventName = eventName;
        Handler = handler;
        Position = position;
        UniqueId = uniqueId;
    }

    /// <summary>The event name as registered, after alias translation.</summary>
    public string EventName { get; }

    public AwsEventHandler Handler { get; }

    public HandlerPosition Position { get; }

    public string? UniqueId { get; }

    public void Dispose() => _emitter.Unregister(this);

    public override string ToString() => $"{EventName} ({Position})";
}
