using System.Management.Automation;

namespace AwsCore.Module;

/// <summary>Crossings between PowerShell objects and Core's value tree.</summary>
internal static class PSValues
{
    /// <summary>
    /// What Core's ParameterConverter sees of a PowerShell value: a PSObject's base object, a PSCustomObject (or any
    /// object piped in with note properties) as a dictionary of its properties, a switch as a bool.
    /// </summary>
    public static object? Unwrap(object value)
    {
        if (value is SwitchParameter s) return s.IsPresent;
        if (value is not PSObject ps) return value;
        var baseObject = ps.BaseObject;
        if (baseObject is PSCustomObject) return Properties(ps);
        return baseObject is SwitchParameter sw ? sw.IsPresent : baseObject;
    }

    /// <summary>An output structure: a PSObject with the shape's type name first in TypeNames; null type name: a plain object.</summary>
    public static object MakeObject(string? typeName, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        var result = new PSObject();
        foreach (var p in properties)
            result.Properties.Add(new PSNoteProperty(p.Key, p.Value));
        if (typeName is not null) result.TypeNames.Insert(0, typeName);
        return result;
    }

    private static Dictionary<string, object?> Properties(PSObject ps)
    {
        var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in ps.Properties)
        {
            if (property is not (PSNoteProperty or PSProperty or PSAliasProperty or PSScriptProperty)) continue;
            map[property.Name] = property.Value;
        }
        return map;
    }
}
