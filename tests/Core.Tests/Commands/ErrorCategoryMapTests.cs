using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

public sealed class ErrorCategoryMapTests
{
    [Theory]
    [InlineData("AccessDenied", "PermissionDenied")]
    [InlineData("AccessDeniedException", "PermissionDenied")]
    [InlineData("UnauthorizedOperation", "PermissionDenied")]
    [InlineData("Forbidden", "PermissionDenied")]
    [InlineData("ForbiddenException", "PermissionDenied")]
    [InlineData("NoSuchBucket", "ObjectNotFound")]
    [InlineData("NoSuchKey", "ObjectNotFound")]
    [InlineData("ResourceNotFoundException", "ObjectNotFound")]
    [InlineData("NotFound", "ObjectNotFound")]
    [InlineData("InvalidInstanceID.NotFound", "ObjectNotFound")]
    [InlineData("Throttling", "LimitsExceeded")]
    [InlineData("ThrottlingException", "LimitsExceeded")]
    [InlineData("TooManyRequestsException", "LimitsExceeded")]
    [InlineData("RequestLimitExceeded", "LimitsExceeded")]
    [InlineData("ProvisionedThroughputExceededException", "LimitsExceeded")]
    [InlineData("SlowDown", "LimitsExceeded")]
    [InlineData("LimitExceededException", "LimitsExceeded")]
    [InlineData("ServiceQuotaExceededException", "QuotaExceeded")]
    [InlineData("ValidationException", "InvalidArgument")]
    [InlineData("ValidationError", "InvalidArgument")]
    [InlineData("InvalidParameterValue", "InvalidArgument")]
    [InlineData("InvalidParameterCombination", "InvalidArgument")]
    [InlineData("InvalidBucketName", "InvalidArgument")]
    [InlineData("MissingParameter", "InvalidArgument")]
    [InlineData("BucketAlreadyExists", "ResourceExists")]
    [InlineData("BucketAlreadyOwnedByYou", "ResourceExists")]
    [InlineData("EntityAlreadyExists", "ResourceExists")]
    [InlineData("ResourceInUseException", "ResourceExists")]
    [InlineData("ConflictException", "ResourceExists")]
    [InlineData("AuthFailure", "AuthenticationError")]
    [InlineData("InvalidClientTokenId", "AuthenticationError")]
    [InlineData("SignatureDoesNotMatch", "AuthenticationError")]
    [InlineData("ExpiredTokenException", "AuthenticationError")]
    [InlineData("UnrecognizedClientException", "AuthenticationError")]
    [InlineData("MalformedXML", "InvalidData")]
    [InlineData("ConditionalCheckFailedException", "InvalidOperation")]
    [InlineData("InvalidStateException", "InvalidOperation")]
    [InlineData("ServiceUnavailable", "ResourceUnavailable")]
    [InlineData("InternalError", "ResourceUnavailable")]
    [InlineData("InternalServerError", "ResourceUnavailable")]
    [InlineData("RequestTimeout", "OperationTimeout")]
    [InlineData("UnsupportedOperation", "NotImplemented")]
    [InlineData("ApplicationDoesNotExistException", "ObjectNotFound")]
    [InlineData("TooManyTagsException", "LimitsExceeded")]
    [InlineData("ApplicationNameRequiredException", "InvalidArgument")]
    [InlineData("AccessToClusterDenied", "PermissionDenied")]
    [InlineData("ConcurrentModificationException", "ResourceBusy")]
    [InlineData("AccountSetupInProgressException", "ResourceBusy")]
    [InlineData("SomethingEntirelyNew", "NotSpecified")]
    public void MapsErrorCodesToPowerShellCategories(string code, string category) =>
        Assert.Equal(category, ErrorCategoryMap.CategoryName(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyCodesAreNotSpecified(string? code) => Assert.Equal("NotSpecified", ErrorCategoryMap.CategoryName(code));

    [Theory]
    [InlineData("aws.protocoltests.restjson#ResourceNotFoundException", "ResourceNotFoundException")]
    [InlineData("ValidationException:http://internal.amazon.com/coral/", "ValidationException")]
    [InlineData(" NoSuchKey ", "NoSuchKey")]
    public void NamespacesAreStrippedBeforeMatching(string code, string bare)
    {
        Assert.Equal(bare, ErrorCategoryMap.BareCode(code));
        Assert.Equal(ErrorCategoryMap.CategoryName(bare), ErrorCategoryMap.CategoryName(code));
    }

    [Fact]
    public void EveryCategoryIsAPowerShellErrorCategoryName()
    {
        // The names of System.Management.Automation.ErrorCategory; Core has no PowerShell reference to check against.
        var known = new HashSet<string>
        {
            "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument", "InvalidData",
            "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented", "NotInstalled",
            "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied",
            "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr",
            "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError", "LimitsExceeded", "QuotaExceeded", "NotEnabled",
        };
        var codes = AllErrorCodesOfBundledModels();
        Assert.True(codes.Count > 1000, $"only {codes.Count} error codes found in the bundled models");
        foreach (var code in codes)
            Assert.Contains(ErrorCategoryMap.CategoryName(code), known);
        // Most modelled errors get a specific category: the rules cover the common naming patterns.
        var specific = codes.Count(c => ErrorCategoryMap.CategoryName(c) != "NotSpecified");
        Assert.True(specific > codes.Count * 0.7, $"only {specific} of {codes.Count} modelled error codes have a category");
    }

    [Fact]
    public void ServiceErrorIdsAreTheBareCodeAndQualifyWithTheCommand()
    {
        Assert.Equal("NoSuchBucket", ErrorIds.ForServiceError("NoSuchBucket"));
        Assert.Equal("ResourceNotFoundException", ErrorIds.ForServiceError("com.amazon#ResourceNotFoundException"));
        Assert.Equal("AwsCore.UnknownServiceError", ErrorIds.ForServiceError(""));
        Assert.Equal("NoSuchBucket,Invoke-AwsOperation", ErrorIds.FullyQualified("NoSuchBucket", "Invoke-AwsOperation"));
        Assert.Equal("NoSuchBucket", ErrorIds.FullyQualified("NoSuchBucket", ""));
    }

    private static HashSet<string> AllErrorCodesOfBundledModels()
    {
        var loader = CommandTestModels.Bundled();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in loader.ListServices())
        {
            var model = loader.GetService(name);
            foreach (var op in model.OperationNames)
                foreach (var error in model.GetOperation(op).Errors)
                    codes.Add(error.Error?.Code ?? error.Name);
        }
        return codes;
    }
}

public sealed class ClientFailureIdTests
{
    [Theory]
    [InlineData("NoCredentialsException", "AwsCore.NoCredentials", "AuthenticationError")]
    [InlineData("ParameterValidationException", "AwsCore.ParameterValidation", "InvalidArgument")]
    [InlineData("ParameterConversionException", "AwsCore.ParameterValidation", "InvalidArgument")]
    [InlineData("EndpointResolutionException", "AwsCore.Endpoint", "InvalidArgument")]
    [InlineData("AwsTransportException", "AwsCore.Connection", "ConnectionError")]
    [InlineData("ModelLoadException", "AwsCore.Model", "ObjectNotFound")]
    [InlineData("JmesPathException", "AwsCore.Query", "InvalidArgument")]
    [InlineData("NoRegionException", "AwsCore.NoRegion", "InvalidArgument")]
    [InlineData("PaginationException", "AwsCore.Pagination", "InvalidArgument")]
    [InlineData("SomethingNewException", "AwsCore.SomethingNew", "NotSpecified")]
    [InlineData("Exception", "AwsCore.Exception", "NotSpecified")]
    public void ClientFailuresHaveTheirOwnIds(string typeName, string id, string category) =>
        Assert.Equal((id, category), ErrorIds.ForClientFailure(typeName));
}
