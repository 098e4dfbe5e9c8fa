namespace AwsCore.Endpoints;

/// <summary>
/// botocore's ruleset_error_to_botocore_exception: some rule-set errors of S3, S3 Control and EventBridge, and invalid
/// ARN regions for any service, surface as the botocore exceptions users already catch, with those exceptions' messages.
/// </summary>
internal static class EndpointErrorTranslation
{
    public static EndpointResolutionException Translate(string serviceName, EndpointResolutionException error,
        IReadOnlyDictionary<string, object?> parameters)
    {
        var msg = error.RuleMessage;
        if (msg.StartsWith("Invalid region in ARN: ", StringComparison.Ordinal))
        {
            var pieces = msg.Split('`');
            var label = pieces.Length > 1 ? pieces[1] : msg;
            return Make("InvalidHostLabelError", $"Invalid host label to be bound to the hostname of the endpoint: \"{label}\".", msg);
        }
        switch (serviceName)
        {
            case "s3":
                if (msg == "S3 Object Lambda does not support S3 Accelerate" || msg == "Accelerate cannot be used with FIPS")
                    return Make("UnsupportedS3ConfigurationError", "Unsupported configuration when using S3: " + msg, msg);
                if (StartsWithAny(msg, "S3 Outposts does not support", "S3 MRAP does not support", "S3 Object Lambda does not support",
                        "Access Points do not support", "Invalid configuration:", "Client was configured for partition"))
                    return Make("UnsupportedS3AccesspointConfigurationError", "Unsupported configuration when using S3 access-points: " + msg, msg);
                if (msg.StartsWith("invalid arn:", StringComparison.OrdinalIgnoreCase))
                    return Make("ParamValidationError", "Parameter validation failed:\n" + msg, msg);
                break;
            case "s3control":
                if (msg.StartsWith("Invalid ARN:", StringComparison.Ordinal))
                {
                    parameters.TryGetValue("Bucket", out var arn);
                    return Make("UnsupportedS3ControlArnError", $"S3 ARN \"{PythonValues.Str(arn)}\" provided is invalid for this operation. {msg}", msg);
                }
                if (StartsWithAny(msg, "Invalid configuration:", "Client was configured for partition"))
                    return Make("UnsupportedS3ControlConfigurationError", "Unsupported configuration when using S3 Control: " + msg, msg);
                if (msg == "AccountId is required but not set")
                    return Make("ParamValidationError", "Parameter validation failed:\n" + msg, msg);
                break;
            case "events":
                if (msg.StartsWith("Invalid Configuration: FIPS is not supported with EventBridge multi-region endpoints.", StringComparison.Ordinal)
                    || msg == "EndpointId must be a valid host label.")
                    return Make("InvalidEndpointConfigurationError", "Invalid endpoint configuration: " + msg, msg);
                break;
        }
        return error;
    }

    private static bool StartsWithAny(string text, params string[] prefixes) =>
        prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));

    private static EndpointResolutionException Make(string kind, string message, string ruleMessage) => new(message, kind, ruleMessage);
}
