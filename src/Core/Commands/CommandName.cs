namespace AwsCore.Commands;

/// <summary>The PowerShell command of one operation: <c>Get-AwsS3Bucket</c> for S3 ListBuckets.</summary>
public sealed class CommandName
{
    internal CommandName(string operation, string verb, string noun, CommandImpact impact)
    {
        Operation = operation;
        Verb = verb;
        Noun = noun;
        Impact = impact;
    }

    /// <summary>The operation the command calls.</summary>
    public string Operation { get; }

    /// <summary>An approved PowerShell verb.</summary>
    public string Verb { get; }

    /// <summary><c>Aws</c>, the service prefix, then the operation's noun (<c>AwsS3Bucket</c>).</summary>
    public string Noun { get; }

    /// <summary><c>Verb-Noun</c>.</summary>
    public string Name => Verb + "-" + Noun;

    /// <summary>Whether and how much the command changes state.</summary>
    public CommandImpact Impact { get; }

    /// <summary>Whether the command takes <c>-WhatIf</c> and <c>-Confirm</c>.</summary>
    public bool SupportsShouldProcess => Impact != CommandImpact.None;

    public override string ToString() => $"{Name} ({Operation})";
}
