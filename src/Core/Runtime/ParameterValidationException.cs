namespace AwsCore.Runtime;

/// <summary>
/// Thrown before anything is sent when the parameters do not fit the operation's input shape;
/// carries every error found, not only the first, as botocore's ParamValidationError does.
/// </summary>
public sealed class ParameterValidationException : Exception
{
    public ParameterValidationException(IReadOnlyList<ParameterValidationError> errors)
        : base(FormatMessage(errors)) => Errors = errors;

    /// <summary>Every error, in the order the parameters were walked.</summary>
    public IReadOnlyList<ParameterValidationError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<ParameterValidationError> errors) =>
        "Parameter validation failed:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => e.Message));
}
