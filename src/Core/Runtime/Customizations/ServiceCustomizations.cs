using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// Where each of botocore's service customizations runs in a call, in one place. The pipeline calls these at the
/// points where botocore emits the matching event (they are plain calls, not handlers on the user-facing event bus):
/// <see cref="BeforeParameterBuild"/> after converting the parameters and before validating them;
/// <see cref="BeforeCall"/> on the serialized request, before compression and the request checksum;
/// <see cref="BeforeParse"/> on the raw response; <see cref="AfterCall"/> on the parsed output.
/// Dispatch is by the model's serviceId (hyphenated), so a model loaded from AWS_DATA_PATH gets the same treatment.
/// </summary>
internal static class ServiceCustomizations
{
    /// <summary>botocore's before-parameter-build handlers.</summary>
    /// <exception cref="ParameterValidationException">An S3 bucket name, metadata or CopySource is invalid.</exception>
    public static void BeforeParameterBuild(OperationModel operation, IDictionary<string, object?> parameters,
        IDictionary<string, object?> context, ClientConfig config)
    {
        var service = operation.Service.HyphenizedServiceId;
        switch (service)
        {
            case "s3":
                switch (operation.Name)
                {
                    case "ListObjects":
                    case "ListObjectsV2":
                    case "ListObjectVersions":
                        S3Customizations.SetListObjectsEncodingTypeUrl(parameters, context);
                        break;
                    case "CopyObject":
                    case "UploadPartCopy":
                        S3Customizations.HandleCopySourceParam(parameters);
                        S3Customizations.CopySourceSseMd5(parameters);
                        break;
                }
                if (operation.Name is "PutObject" or "CopyObject" or "CreateMultipartUpload")
                    S3Customizations.ValidateAsciiMetadata(parameters);
                if (operation.Name is "HeadObject" or "GetObject" or "PutObject" or "CopyObject" or "CreateMultipartUpload" or "UploadPart"
                    or "UploadPartCopy" or "CompleteMultipartUpload" or "SelectObjectContent")
                    S3Customizations.SseMd5(parameters);
                S3Customizations.ValidateBucketName(parameters);
                break;
            case "ec2" when operation.Name == "RunInstances":
            case "auto-scaling" when operation.Name == "CreateLaunchConfiguration":
                Ec2Customizations.Base64EncodeUserData(parameters);
                break;
            case "route-53":
                Route53Customizations.FixRoute53Ids(operation, parameters);
                break;
            case "glacier":
                GlacierCustomizations.InjectAccountId(parameters);
                break;
        }
        GeneralCustomizations.GenerateIdempotentUuid(operation, parameters);
        FlexibleChecksums.HandleRequestValidationModeMember(parameters, operation, config.ResponseChecksumValidation);
    }

    /// <summary>botocore's before-call handlers that change the serialized request.</summary>
    public static void BeforeCall(OperationModel operation, IDictionary<string, object?> parameters, AwsHttpRequest request,
        Func<string, string?>? environment = null)
    {
        GeneralCustomizations.AddRecursionDetectionHeader(request, environment);
        switch (operation.Service.HyphenizedServiceId)
        {
            case "s3-control":
                S3Customizations.RemoveAccountIdHostPrefix(operation, request);
                break;
            case "s3":
                S3Customizations.RemoveBucketFromUrlPath(operation, parameters, request);
                S3Customizations.AddExpectHeader(operation, request);
                if (operation.Name is "DeleteObjects" or "PutBucketLifecycleConfiguration") S3Customizations.EscapeXmlPayload(request);
                break;
            case "glacier":
                GlacierCustomizations.AddGlacierVersion(operation, request);
                if (operation.Name is "UploadArchive" or "UploadMultipartPart") GlacierCustomizations.AddGlacierChecksums(request);
                break;
            case "api-gateway":
                GeneralCustomizations.AddAcceptHeader(request);
                break;
        }
    }

    /// <summary>botocore's before-parse handlers: may change the response's status or headers; returns members to add to the parsed output.</summary>
    public static IDictionary<string, object?>? BeforeParse(OperationModel operation, AwsHttpResponse response)
    {
        var service = operation.Service.HyphenizedServiceId;
        if (service == "sso-oidc") GeneralCustomizations.MapOAuth2Errors(response);
        if (service != "s3") return null;
        S3Customizations.Handle200Error(operation, response);
        return S3Customizations.HandleExpiresHeader(operation, response);
    }

    /// <summary>botocore's after-call handlers (and the SQS digest checks): change the parsed output of a successful call.</summary>
    /// <exception cref="MessageChecksumException">An SQS digest does not match.</exception>
    public static void AfterCall(OperationModel operation, IDictionary<string, object?> parameters, AwsHttpResponse response,
        IDictionary<string, object?> parsed, IDictionary<string, object?> context)
    {
        switch (operation.Service.HyphenizedServiceId)
        {
            case "s3":
                switch (operation.Name)
                {
                    case "ListObjects": S3Customizations.DecodeListObject(parsed, context); break;
                    case "ListObjectsV2": S3Customizations.DecodeListObjectV2(parsed, context); break;
                    case "ListObjectVersions": S3Customizations.DecodeListObjectVersions(parsed, context); break;
                    case "GetBucketLocation": S3Customizations.ParseGetBucketLocation(parsed, response); break;
                }
                break;
            case "iam":
                GeneralCustomizations.JsonDecodePolicies(operation, parsed);
                break;
            case "ec2" when operation.Name == "GetConsoleOutput":
                Ec2Customizations.DecodeConsoleOutput(parsed);
                break;
            case "cloudformation" when operation.Name == "GetTemplate":
                GeneralCustomizations.JsonDecodeTemplateBody(parsed);
                break;
            case "sqs":
                SqsCustomizations.CheckSqsMessageMd5(operation, parameters, parsed);
                break;
        }
    }
}
