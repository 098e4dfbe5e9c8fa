using System.Globalization;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>
/// Client-side parameter validation, as botocore's ParamValidator: type of every value, required members, the
/// <c>min</c> trait of strings and lists (length) and of numbers (value), the implicit min length 1 of host labels,
/// documents, jsonvalue headers and tagged unions. Like botocore it does not check enums, patterns or max.
/// Beyond botocore, integers and longs must fit 32 and 64 bits (Python's ints are unbounded, the wire's are not).
/// Every error is collected; nothing stops at the first. Stateless and thread-safe.
/// </summary>
public static class ParameterValidator
{
    /// <summary>Every error in <paramref name="parameters"/> (any accepted input form) against <paramref name="inputShape"/>.</summary>
    public static IReadOnlyList<ParameterValidationError> Validate(object? parameters, Shape? inputShape)
    {
        var errors = new List<ParameterValidationError>();
        if (inputShape is null) return errors;
        var walker = new Walker(errors);
        walker.Validate(parameters ?? EmptyInput, inputShape, "");
        return errors;
    }

    /// <summary>Throws a <see cref="ParameterValidationException"/> listing every error, if there is any.</summary>
    public static void ThrowIfInvalid(object? parameters, Shape? inputShape)
    {
        if (inputShape is null || ValidInputCheck.Passes(parameters ?? EmptyInput, inputShape)) return;
        var errors = Validate(parameters, inputShape);
        if (errors.Count > 0) throw new ParameterValidationException(errors);
    }

    private static readonly Dictionary<string, object?> EmptyInput = new();

    private sealed class Walker
    {
        private readonly List<ParameterValidationError> _errors;

        public Walker(List<ParameterValidationError> errors) => _errors = errors;

        public void Validate(object? value, Shape shape, string path)
        {
            if (shape.JsonValue && shape.Location == "header" && shape.Type == ShapeType.String)
            {
                ValidateJsonValue(value, path);
                return;
            }
            if (shape.Type == ShapeType.Structure && shape.IsDocument)
            {
                ValidateDocument(value, path);
                return;
            }
            switch (shape.Type)
            {
                case ShapeType.Structure: ValidateStructure(value, shape, path); break;
                case ShapeType.List: ValidateList(value, shape, path); break;
                case ShapeType.Map: ValidateMap(value, shape, path); break;
                case ShapeType.String: ValidateString(value, shape, path); break;
                case ShapeType.Integer: ValidateIntegral(value, shape, path, int.MinValue, int.MaxValue, "an integer"); break;
                case ShapeType.Long: ValidateIntegral(value, shape, path, long.MinValue, long.MaxValue, "a long"); break;
                case ShapeType.BigInteger: ValidateIntegral(value, shape, path, null, null, "an integer"); break;
                case ShapeType.Float: ValidateFloat(value, shape, path, "a float"); break;
                case ShapeType.Double: ValidateFloat(value, shape, path, "a double"); break;
                case ShapeType.BigDecimal: ValidateFloat(value, shape, path, "a number"); break;
                case ShapeType.Boolean:
                    if (value is not bool) InvalidType(path, "a boolean", value);
                    break;
                case ShapeType.Timestamp:
                    if (!TimestampInput.TryParse(value, out _))
                        InvalidType(path, "a timestamp (DateTime, DateTimeOffset, ISO 8601 string or epoch seconds)", value);
                    break;
                case ShapeType.Blob:
                    if (value is not (byte[] or string or Stream))
                        InvalidType(path, "a blob (byte[], string or Stream)", value);
                    break;
            }
        }

        private void ValidateStructure(object? value, Shape shape, string path)
        {
            if (!InputValues.TryGetEntries(value, out var entries))
            {
                InvalidType(path, "a structure (a dictionary of member names to values)", value);
                return;
            }
            var set = new List<KeyValuePair<string, object?>>(entries.Count);
            var given = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (entry.Key is not string name)
                {
                    Report(path, ParameterErrorKind.InvalidType,
                        $"Parameter {Display(path)}: member names must be strings, got a {InputValues.TypeName(entry.Key)} key");
                    continue;
                }
                // A null member is an unset member: PowerShell users pass $null for "not given".
                if (entry.Value is null) continue;
                given.Add(name);
                set.Add(new KeyValuePair<string, object?>(name, entry.Value));
            }

            if (shape.IsUnion && set.Count != 1)
            {
                var choices = string.Join(", ", shape.Members.Keys);
                if (set.Count == 0)
                    Report(path, ParameterErrorKind.UnionEmpty,
                        $"Parameter {Display(path)}: a tagged union needs exactly one member set, got none; set one of: {choices}");
                else
                    Report(path, ParameterErrorKind.UnionMultiple,
                        $"Parameter {Display(path)}: a tagged union takes exactly one member, got {set.Count} ({string.Join(", ", set.Select(s => s.Key))}); set only one of: {choices}");
            }

            foreach (var required in shape.Required)
                if (!given.Contains(required))
                {
                    var child = Child(path, required);
                    Report(child, ParameterErrorKind.MissingRequired, $"Missing required parameter {child}");
                }

            var members = shape.Members;
            foreach (var pair in set)
            {
                var child = Child(path, pair.Key);
                if (members.TryGetValue(pair.Key, out var memberShape))
                    Validate(pair.Value, memberShape, child);
                else
                    Report(child, ParameterErrorKind.UnknownMember, UnknownMemberMessage(path, child, pair.Key, members.Keys));
            }
        }

        private static string UnknownMemberMessage(string path, string child, string name, IEnumerable<string> validNames)
        {
            var valid = validNames.ToArray();
            var close = NameSuggestions.Closest(name, valid);
            var where = path.Length == 0 ? "unknown parameter" : $"unknown member of {path}";
            var suggestion = close.Count > 0 ? $"; did you mean {string.Join(" or ", close)}?" : "";
            var list = valid.Length == 0 ? " (it takes no members)" : $", must be one of: {string.Join(", ", valid)}";
            return $"Parameter {child}: {where}{suggestion}{list}";
        }

        private void ValidateList(object? value, Shape shape, string path)
        {
            if (!InputValues.IsList(value))
            {
                InvalidType(path, "a list", value);
                return;
            }
            var items = InputValues.ToItems(value!);
            CheckMinLength(path, items.Count, shape);
            var member = shape.ListMember;
            for (var i = 0; i < items.Count; i++)
                Validate(items[i], member, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
        }

        private void ValidateMap(object? value, Shape shape, string path)
        {
            if (!InputValues.TryGetEntries(value, out var entries))
            {
                InvalidType(path, "a map (a dictionary)", value);
                return;
            }
            var keyShape = shape.MapKey;
            var valueShape = shape.MapValue;
            foreach (var entry in entries)
            {
                var keyText = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                Validate(entry.Key, keyShape, $"{Display(path)} (key: {keyText})");
                Validate(entry.Value, valueShape, Child(path, keyText));
            }
        }

        private void ValidateString(object? value, Shape shape, string path)
        {
            if (value is not string text)
            {
                InvalidType(path, "a string", value);
                return;
            }
            CheckMinLength(path, InputValues.CodePointLength(text), shape);
        }

        private void ValidateIntegral(object? value, Shape shape, string path, long? min, long? max, string expected)
        {
            if (!InputValues.IsIntegral(value))
            {
                InvalidType(path, expected, value);
                return;
            }
            if (min.HasValue && (!InputValues.TryGetInt64(value, out var number) || number < min.Value || number > max!.Value))
            {
                Report(path, ParameterErrorKind.InvalidRange,
                    $"Parameter {Display(path)}: {ShowNumber(value!, shape)} is out of range for {expected} ({min.Value} to {max!.Value})");
                return;
            }
            CheckMinValue(path, value!, shape);
        }

        private void ValidateFloat(object? value, Shape shape, string path, string expected)
        {
            if (!InputValues.IsNumber(value))
            {
                InvalidType(path, expected, value);
                return;
            }
            CheckMinValue(path, value!, shape);
        }

        private void CheckMinLength(string path, int length, Shape shape)
        {
            // botocore: an explicit min wins; without one, a member bound to the host needs at least one character.
            var min = shape.Min ?? (shape.HostLabel ? 1 : (double?)null);
            if (min is { } m && length < m)
                Report(path, ParameterErrorKind.InvalidLength,
                    $"Parameter {Display(path)}: length {length} is below the minimum length {FormatMin(m)}");
        }

        private void CheckMinValue(string path, object value, Shape shape)
        {
            var min = shape.Min ?? (shape.HostLabel ? 1 : (double?)null);
            if (min is { } m && InputValues.ToDouble(value) < m)
                Report(path, ParameterErrorKind.InvalidRange,
                    $"Parameter {Display(path)}: value {ShowNumber(value, shape)} is below the minimum {FormatMin(m)}");
        }

        private void ValidateDocument(object? value, string path) => WalkJsonLike(value, path,
            (at, key) => Report(at, ParameterErrorKind.InvalidDocumentType,
                $"Parameter {Display(at)}: document keys must be strings, got a {InputValues.TypeName(key)} key"),
            (at, found) => Report(at, ParameterErrorKind.InvalidDocumentType,
                $"Parameter {Display(at)}: expected a document value (null, boolean, number, string, list or map), got {InputValues.TypeName(found)}"));

        /// <summary>A jsonvalue header takes any value JSON can express; every error is reported at the member's own path.</summary>
        private void ValidateJsonValue(object? value, string root) => WalkJsonLike(value, root,
            (at, key) => Report(root, ParameterErrorKind.NotJsonSerializable,
                $"Parameter {Display(root)} must be JSON serializable: {Display(at)} has a {InputValues.TypeName(key)} key, JSON object keys are strings"),
            (at, found) => Report(root, ParameterErrorKind.NotJsonSerializable,
                $"Parameter {Display(root)} must be JSON serializable: {Display(at)} is a {InputValues.TypeName(found)}"));

        /// <summary>
        /// Walks a value that must be JSON-like (null, string, boolean, number, map with string keys, list), telling
        /// <paramref name="badKey"/> of each key that is not a string and <paramref name="badValue"/> of each other value.
        /// </summary>
        private static void WalkJsonLike(object? value, string path, Action<string, object> badKey, Action<string, object?> badValue)
        {
            switch (value)
            {
                case null or string or bool:
                    return;
                case var _ when InputValues.IsNumber(value):
                    return;
                case var _ when InputValues.TryGetEntries(value, out var entries):
                    foreach (var entry in entries)
                    {
                        if (entry.Key is string key) WalkJsonLike(entry.Value, Child(path, key), badKey, badValue);
                        else badKey(path, entry.Key);
                    }
                    return;
                case var _ when InputValues.IsList(value):
                    var items = InputValues.ToItems(value);
                    for (var i = 0; i < items.Count; i++)
                        WalkJsonLike(items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", badKey, badValue);
                    return;
                default:
                    badValue(path, value);
                    return;
            }
        }

        private void InvalidType(string path, string expected, object? value) =>
            Report(path, ParameterErrorKind.InvalidType, $"Parameter {Display(path)}: expected {expected}, got {InputValues.TypeName(value)}");

        private void Report(string path, ParameterErrorKind kind, string message) =>
            _errors.Add(new ParameterValidationError(path, kind, message));

        private static string Child(string path, string member) => path.Length == 0 ? member : path + "." + member;

        /// <summary>The input itself is called "input", as botocore names it.</summary>
        private static string Display(string path) => path.Length == 0 ? "input" : path;

        private static string ShowNumber(object value, Shape shape) =>
            shape.Sensitive ? "the value" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

        private static string FormatMin(double min) => min.ToString("R", CultureInfo.InvariantCulture);
    }
}
