using System.Globalization;
using System.Text;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>
/// Turns user input in any accepted form (docs/conventions.md: any dictionary kind, any enumerable, any number, ...)
/// into the canonical value tree the serializers read, guided by the shape:
/// structures and maps become <c>Dictionary&lt;string, object?&gt;</c> (the caller's order kept), lists <c>List&lt;object?&gt;</c>,
/// integers <c>int</c>, longs <c>long</c>, floats and doubles <c>double</c>, timestamps <c>DateTime</c> (UTC),
/// blobs <c>byte[]</c> (a string as UTF-8; a <c>Stream</c> stays a stream), documents the same tree with numbers as
/// <c>long</c> or <c>double</c>. Null members of a structure are dropped (unset).
/// With <see cref="ParameterConversionOptions.Default"/> it never throws for a value it cannot convert: that value is
/// left as it was, for <see cref="ParameterValidator"/> to report with its path (run it before validating);
/// <see cref="ParameterConversionOptions.ThrowOnMismatch"/> makes such a value an error instead.
/// An input this converter has already converted for the same shape with ThrowOnMismatch (a command's input on its way
/// through <see cref="AwsClient"/>) is not walked again. Stateless and thread-safe.
/// </summary>
public static class ParameterConverter
{
    private static readonly Converter Botocore = new(ParameterConversionOptions.Default);

    /// <summary>Converts an operation's whole input (null is an empty input) for <paramref name="inputShape"/>, which
    /// is null for an operation that takes none. With ThrowOnMismatch the result is always a <c>Dictionary&lt;string, object?&gt;</c>.</summary>
    /// <exception cref="ParameterConversionException">With ThrowOnMismatch: a value does not fit, or a key is no member.</exception>
    public static object ConvertInput(object? parameters, Shape? inputShape, ParameterConversionOptions? options = null) =>
        For(options).ConvertInput(parameters, inputShape);

    /// <summary>Converts one value for <paramref name="shape"/>; see the type's remarks for what each type becomes.</summary>
    /// <exception cref="ParameterConversionException">With ThrowOnMismatch: the value does not fit.</exception>
    public static object? Convert(object? value, Shape shape, ParameterConversionOptions? options = null) =>
        For(options).Convert(value, shape, options?.ThrowOnMismatch == true ? options.RootPath : null);

    /// <summary>Converts a document value: dictionaries and lists rebuilt, integral numbers to long, other numbers to double.</summary>
    public static object? ConvertDocument(object? value) => Botocore.ConvertDocument(value, null);

    private static Converter For(ParameterConversionOptions? options) =>
        options is null || ReferenceEquals(options, ParameterConversionOptions.Default) ? Botocore : new Converter(options);

    /// <summary>The root of an input converted with ThrowOnMismatch: canonical throughout, so it needs no second walk.</summary>
    private sealed class ConvertedInput : Dictionary<string, object?>
    {
        public ConvertedInput(Shape? shape, int capacity) : base(capacity, StringComparer.Ordinal) => Shape = shape;

        public Shape? Shape { get; }
    }

    private sealed class Converter
    {
        private readonly ParameterConversionOptions _options;
        private readonly bool _strict;
        private readonly bool _loose;
        private readonly Func<object, object?>? _unwrap;

        public Converter(ParameterConversionOptions options)
        {
            _options = options;
            _strict = options.ThrowOnMismatch;
            _loose = options.AcceptLooseForms;
            _unwrap = options.Unwrap;
        }

        public object ConvertInput(object? parameters, Shape? inputShape)
        {
            var value = Unwrap(parameters);
            // A copy, so what the call's customizations add never shows in the caller's dictionary.
            if (value is ConvertedInput done && ReferenceEquals(done.Shape, inputShape))
                return new Dictionary<string, object?>(done, StringComparer.Ordinal);
            var path = _strict ? _options.RootPath : null;
            if (value is null) return _strict ? new ConvertedInput(inputShape, 0) : new Dictionary<string, object?>(StringComparer.Ordinal);
            if (inputShape is null)
            {
                if (!_strict) return value;
                if (InputValues.TryGetEntries(value, out var entries) && entries.TrueForAll(e => Unwrap(e.Value) is null))
                    return new ConvertedInput(null, 0);
                throw new ParameterConversionException(path!, "this operation takes no input");
            }
            return ConvertStructure(value, inputShape, path, root: true);
        }

        /// <summary><paramref name="path"/> is null unless errors are thrown: paths are only built when they can be shown.</summary>
        public object? Convert(object? value, Shape shape, string? path)
        {
            value = Unwrap(value);
            if (value is null) return null;
            if (shape.Type == ShapeType.Structure && shape.IsDocument) return ConvertDocument(value, path);
            if (shape.JsonValue && shape.Type == ShapeType.String) return value is string ? value : ConvertDocument(value, path);
            switch (shape.Type)
            {
                case ShapeType.Structure: return ConvertStructure(value, shape, path, root: false);
                case ShapeType.Map: return ConvertMap(value, shape, path);
                case ShapeType.List: return ConvertList(value, shape, path);
                case ShapeType.String: return ConvertString(value, shape, path);
                case ShapeType.Integer: return ConvertIntegral(value, int.MinValue, int.MaxValue, "an integer", path);
                case ShapeType.Long: return ConvertIntegral(value, long.MinValue, long.MaxValue, "a long integer", path);
                case ShapeType.Float:
                case ShapeType.Double:
                    return InputValues.IsNumber(value) ? InputValues.ToDouble(value) : Mismatch(path, "a number", value);
                case ShapeType.Boolean: return value is bool ? value : Mismatch(path, "a boolean", value);
                case ShapeType.Timestamp: return ConvertTimestamp(value, path);
                case ShapeType.Blob: return ConvertBlob(value, path);
                case ShapeType.BigInteger:
                case ShapeType.BigDecimal:
                    return InputValues.IsNumber(value) || value is string ? value : Mismatch(path, "a number", value);
                default:
                    return _strict ? throw new ParameterConversionException(path!, $"shape '{shape.Name}' has an unsupported type '{shape.TypeName}'") : value;
            }
        }

        private object? Unwrap(object? value) => value is not null && _unwrap is not null ? _unwrap(value) : value;

        private object ConvertStructure(object value, Shape shape, string? path, bool root)
        {
            if (!InputValues.TryGetEntries(value, out var entries))
                return Mismatch(path, $"a hashtable or an object with properties ({shape.Name})", value);
            var members = shape.Members;
            var result = root && _strict ? new ConvertedInput(shape, entries.Count) : new Dictionary<string, object?>(entries.Count, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (entry.Key is not string key)
                    return Fail(path, $"member names must be strings, got {InputValues.TypeName(entry.Key)}", value);
                var name = MemberName(key, shape, entries, path);
                var given = Unwrap(entry.Value);
                if (given is null) continue;
                var memberPath = Child(path, name);
                if (result.ContainsKey(name))
                    return Fail(memberPath, _options.IgnoreMemberNameCase ? "given more than once (member names are case-insensitive)" : "given more than once", value);
                result[name] = members.TryGetValue(name, out var memberShape) ? Convert(given, memberShape, memberPath) : given;
            }
            return result;
        }

        /// <summary>The model's name for <paramref name="key"/>; a name that stays unknown is kept for the validator unless strict.</summary>
        private string MemberName(string key, Shape shape, List<KeyValuePair<object, object?>> entries, string? path)
        {
            var members = shape.Members;
            if (members.ContainsKey(key)) return key;
            if (_options.IgnoreMemberNameCase)
            {
                string? found = null;
                foreach (var name in members.Keys)
                {
                    if (!string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) continue;
                    if (found is null) { found = name; continue; }
                    if (_strict) throw new ParameterConversionException(Child(path, key)!, $"matches both '{found}' and '{name}'; use the exact case");
                    return key;
                }
                // Unless strict (where a second spelling is an error), an exact name given beside it keeps its value.
                if (found is not null && (_strict || !entries.Exists(e => e.Value is not null && e.Key as string == found))) return found;
            }
            if (!_strict) return key;
            var close = NameSuggestions.Closest(key, members.Keys);
            var hint = close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : members.Count == 0 ? "; it has no members" : $"; members: {string.Join(", ", members.Keys)}";
            throw new ParameterConversionException(Child(path, key)!, $"'{key}' is not a member of {shape.Name}{hint}");
        }

        private object ConvertMap(object value, Shape shape, string? path)
        {
            if (!InputValues.TryGetEntries(value, out var entries)) return Mismatch(path, $"a hashtable ({shape.Name})", value);
            var valueShape = shape.MapValue;
            var result = new Dictionary<string, object?>(entries.Count, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var key = Unwrap(entry.Key) switch
                {
                    string s => s,
                    Enum e => e.ToString(),
                    _ => null,
                };
                if (key is null) return Fail(path, $"map keys must be strings, got {InputValues.TypeName(Unwrap(entry.Key))}", value);
                var entryPath = Child(path, key);
                if (result.ContainsKey(key)) return Fail(entryPath, "given more than once", value);
                // A null map value is kept: some maps (DynamoDB attribute updates) give it a meaning.
                result[key] = Convert(entry.Value, valueShape, entryPath);
            }
            return result;
        }

        private object ConvertList(object value, Shape shape, string? path)
        {
            var member = shape.ListMember;
            if (!InputValues.IsList(value))
                return _loose ? new List<object?>(1) { Convert(value, member, Item(path, 0)) } : Mismatch(path, "a list", value);
            var items = InputValues.ToItems(value);
            var result = new List<object?>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = Item(path, i);
                var converted = Convert(items[i], member, itemPath);
                if (converted is null && _strict) throw new ParameterConversionException(itemPath!, "a list item cannot be null");
                result.Add(converted);
            }
            return result;
        }

        private object ConvertString(object value, Shape shape, string? path)
        {
            string text;
            switch (value)
            {
                case string s: text = s; break;
                case Enum e: text = e.ToString(); break;
                case char c when _loose: text = c.ToString(); break;
                case Guid g when _loose: text = g.ToString(); break;
                default: return Mismatch(path, "a string", value);
            }
            // The service decides: models list the values known when they were written, and new ones appear often.
            // Only a value that differs from a known one by case alone is corrected, since that is always a mistake.
            if (_loose && shape.Enum is { Count: > 0 } allowed && !allowed.Contains(text))
                return allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) ?? text;
            return text;
        }

        private object ConvertIntegral(object value, long min, long max, string expected, string? path)
        {
            object Fit(long whole) => max == int.MaxValue ? (object)(int)whole : whole;

            if (InputValues.TryGetInt64(value, out var whole))
                return whole >= min && whole <= max ? Fit(whole) : OutOfRange(whole.ToString(CultureInfo.InvariantCulture));
            if (InputValues.IsIntegral(value))
                return OutOfRange(System.Convert.ToString(value, CultureInfo.InvariantCulture)!);
            if (!_loose || value is not (float or double or decimal)) return Mismatch(path, expected, value);

            decimal number;
            if (value is decimal m) number = m;
            else
            {
                var d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 1e19)
                    return Fail(path, $"expected {expected}, got {d.ToString(CultureInfo.InvariantCulture)}", value);
                number = (decimal)d;
            }
            if (number != decimal.Truncate(number))
                return Fail(path, $"expected {expected}, got the fraction {number.ToString(CultureInfo.InvariantCulture)}", value);
            if (number < min || number > max) return OutOfRange(number.ToString(CultureInfo.InvariantCulture));
            return Fit((long)number);

            object OutOfRange(string text) => Fail(path,
                $"{text} is out of range for {expected} ({min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)})", value);
        }

        private object ConvertTimestamp(object value, string? path)
        {
            if (TimestampInput.TryParse(value, out var utc)) return utc;
            if (!_strict) return value;
            if (value is string s && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                return Fail(path, $"'{s}' is not an ISO 8601 date and time nor epoch seconds", value);
            if (value is string || InputValues.IsNumber(value))
            {
                var seconds = value is string text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : InputValues.ToDouble(value);
                return Fail(path, $"{seconds.ToString(CultureInfo.InvariantCulture)} epoch seconds is not a representable time", value);
            }
            return Mismatch(path, "a DateTime, a DateTimeOffset, an ISO 8601 string or epoch seconds", value);
        }

        private object ConvertBlob(object value, string? path) => value switch
        {
            byte[] or Stream => value,
            string text => Encoding.UTF8.GetBytes(text),
            ArraySegment<byte> segment => segment.ToArray(),
            ReadOnlyMemory<byte> memory => memory.ToArray(),
            Memory<byte> memory => memory.ToArray(),
            _ => Mismatch(path, "a byte[], a string or a Stream", value),
        };

        public object? ConvertDocument(object? value, string? path)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null or string or bool:
                    return value;
                case float or double or decimal:
                    return InputValues.ToDouble(value);
            }
            if (InputValues.IsIntegral(value))
                return InputValues.TryGetInt64(value, out var whole) ? whole
                    : _loose ? InputValues.ToDouble(value) : Mismatch(path, "a document number that fits a long", value);
            if (InputValues.TryGetEntries(value, out var entries))
            {
                var map = new Dictionary<string, object?>(entries.Count, StringComparer.Ordinal);
                foreach (var entry in entries)
                {
                    if (Unwrap(entry.Key) is not string key)
                        return Fail(path, $"document keys must be strings, got {InputValues.TypeName(Unwrap(entry.Key))}", value);
                    var entryPath = Child(path, key);
                    if (map.ContainsKey(key)) return Fail(entryPath, "given more than once", value);
                    map[key] = ConvertDocument(entry.Value, entryPath);
                }
                return map;
            }
            if (InputValues.IsList(value))
            {
                var items = InputValues.ToItems(value);
                var list = new List<object?>(items.Count);
                for (var i = 0; i < items.Count; i++) list.Add(ConvertDocument(items[i], Item(path, i)));
                return list;
            }
            return Mismatch(path, "a document value (hashtable, array, string, number, boolean or null)", value);
        }

        private string? Child(string? path, string name) => _strict ? path + "." + name : null;

        private string? Item(string? path, int index) => _strict ? path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : null;

        private object Mismatch(string? path, string expected, object value) =>
            Fail(path, $"expected {expected}, got {InputValues.TypeName(value)}", value);

        /// <summary>Strict: the error. Otherwise <paramref name="value"/> unchanged, for the validator to report.</summary>
        private object Fail(string? path, string problem, object value) =>
            _strict ? throw new ParameterConversionException(path!, problem) : value;
    }
}
