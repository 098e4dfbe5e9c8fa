using System.Management.Automation;
using AwsCore.Commands;
using AwsCore.Runtime;

namespace AwsCore.Module;

/// <summary>
/// ErrorRecords for AwsCore's failures: a service error's id is its AWS error code and its category comes from
/// <see cref="ErrorCategoryMap"/>; client-side failures use <see cref="ErrorIds.ForClientFailure"/>. PowerShell
/// appends the command to the id, giving FullyQualifiedErrorIds such as <c>NoSuchBucket,Get-AwsS3Object</c>.
/// </summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        if (exception is AwsServiceException service)
        {
            var record = new ErrorRecord(service, ErrorIds.ForServiceError(service.ErrorCode), Category(ErrorCategoryMap.CategoryName(service.ErrorCode)), target);
            record.CategoryInfo.Reason = ErrorCategoryMap.BareCode(service.ErrorCode);
            if (!string.IsNullOrEmpty(service.RequestId))
                record.ErrorDetails = new ErrorDetails(service.Message) { RecommendedAction = $"{service.Service}.{service.Operation} failed with HTTP {service.StatusCode} (request id {service.RequestId})." };
            return record;
        }
        var (id, category) = ErrorIds.ForClientFailure(exception.GetType().Name);
        return new ErrorRecord(exception, id, Category(category), target);
    }

    /// <summary>The ErrorCategory of a name from Core; NotSpecified for a name this PowerShell does not know.</summary>
    public static ErrorCategory Category(string name) =>
        Enum.TryParse<ErrorCategory>(name, out var category) ? category : ErrorCategory.NotSpecified;
}
