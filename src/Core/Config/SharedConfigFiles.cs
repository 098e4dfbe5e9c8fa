namespace AwsCore.Config;

/// <summary>
/// The shared config file and credentials file merged as botocore's session sees them: profiles from the config
/// file ("[default]", "[profile x]") with the credentials file's sections ("[x]") laid over them key by key,
/// plus the config file's [sso-session x] and [services x] sections.
/// </summary>
public sealed class SharedConfigFiles
{
    private SharedConfigFiles(string configPath, string credentialsPath)
    {
        ConfigPath = configPath;
        CredentialsPath = credentialsPath;
    }

    /// <summary>The config file looked at (it may not exist).</summary>
    public string ConfigPath { get; }

    /// <summary>The credentials file looked at (it may not exist).</summary>
    public string CredentialsPath { get; }

    /// <summary>Profiles by name; each maps keys to values that remember their file and line.</summary>
    public Dictionary<string, Dictionary<string, IniValue>> Profiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Profiles of the config file alone (credential_process, role_arn ... are read from here by some providers).</summary>
    public Dictionary<string, Dictionary<string, IniValue>> ConfigProfiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Sections of the credentials file alone, by their raw name.</summary>
    public Dictionary<string, Dictionary<string, IniValue>> CredentialProfiles { get; } = new(StringComparer.Ordinal);

    /// <summary>[sso-session x] sections.</summary>
    public Dictionary<string, Dictionary<string, IniValue>> SsoSessions { get; } = new(StringComparer.Ordinal);

    /// <summary>[services x] sections: per-service nested settings ("s3 =" then "endpoint_url = ...").</summary>
    public Dictionary<string, Dictionary<string, IniValue>> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>An empty set, as when neither file exists.</summary>
    public static SharedConfigFiles Empty(string configPath = "", string credentialsPath = "") => new(configPath, credentialsPath);

    /// <summary>Loads both files; a missing file counts as empty, an unreadable one is an error naming file and line.</summary>
    public static SharedConfigFiles Load(string configPath, string credentialsPath)
    {
        var files = new SharedConfigFiles(configPath, credentialsPath);
        if (File.Exists(configPath)) files.AddConfig(IniParser.ParseFile(configPath));
        if (File.Exists(credentialsPath)) files.AddCredentials(IniParser.ParseFile(credentialsPath));
        return files;
    }

    /// <summary>Builds the set from file contents (for tests and for callers holding the text).</summary>
    public static SharedConfigFiles Parse(string? configText, string? credentialsText, string configPath = "config", string credentialsPath = "credentials")
    {
        var files = new SharedConfigFiles(configPath, credentialsPath);
        if (configText != null) files.AddConfig(IniParser.Parse(configText, configPath));
        if (credentialsText != null) files.AddCredentials(IniParser.Parse(credentialsText, credentialsPath));
        return files;
    }

    private void AddConfig(List<IniSection> sections)
    {
        foreach (var section in sections)
        {
            var name = section.Name;
            if (name.StartsWith("profile", StringComparison.Ordinal)) Put(ConfigProfiles, SectionName.SecondWord(name), section);
            else if (name.StartsWith("sso-session", StringComparison.Ordinal)) Put(SsoSessions, SectionName.SecondWord(name), section);
            else if (name.StartsWith("services", StringComparison.Ordinal)) Put(Services, SectionName.SecondWord(name), section);
            else if (name == "default") Put(ConfigProfiles, "default", section);
        }
        foreach (var pair in ConfigProfiles) Profiles[pair.Key] = new Dictionary<string, IniValue>(pair.Value, StringComparer.Ordinal);
    }

    private void AddCredentials(List<IniSection> sections)
    {
        foreach (var section in sections)
        {
            CredentialProfiles[section.Name] = new Dictionary<string, IniValue>(section.Values, StringComparer.Ordinal);
            if (!Profiles.TryGetValue(section.Name, out var profile)) Profiles[section.Name] = profile = new Dictionary<string, IniValue>(StringComparer.Ordinal);
            foreach (var pair in section.Values) profile[pair.Key] = pair.Value;
        }
    }

    private static void Put(Dictionary<string, Dictionary<string, IniValue>> into, string? name, IniSection section)
    {
        if (name is null) return;
        into[name] = new Dictionary<string, IniValue>(section.Values, StringComparer.Ordinal);
    }

    /// <summary>The two file paths only.</summary>
    public override string ToString() => $"SharedConfigFiles({ConfigPath}, {CredentialsPath})";
}
