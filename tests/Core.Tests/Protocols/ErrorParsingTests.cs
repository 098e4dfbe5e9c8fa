using System.Text;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Tests.Protocols;

public sealed class ErrorParsingTests
{
    private static AwsHttpResponse Response(int status, string body, params (string, string)[] headers)
    {
        var response = new AwsHttpResponse { StatusCode = status, Body = Encoding.UTF8.GetBytes(body) };
        foreach (var (name, value) in headers) response.Headers[name] = value;
        return response;
    }

    [Fact]
    public void S3NoSuchKeyCarriesCodeMessageRequestIdAndHostId()
    {
        var operation = BotocoreModels.Load("s3").GetOperation("GetObject");
        var response = Response(404,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a/b.txt</Key><RequestId>RID</RequestId><HostId>HID</HostId></Error>",
            ("x-amz-request-id", "RID"), ("x-amz-id-2", "HID"));

        var error = ProtocolRegistry.For("rest-xml").Parser.ParseError(operation, response);

        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Equal("The specified key does not exist.", error.ErrorMessage);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("RID", error.RequestId);
        Assert.Equal("a/b.txt", error.Fields["Key"]);
        var metadata = (ValueMap)error.Response["ResponseMetadata"]!;
        Assert.Equal("HID", metadata["HostId"]);
        Assert.Equal("An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", error.Message);
    }

    [Fact]
    public void DynamoDbModeledErrorHasItsFields()
    {
        var operation = BotocoreModels.Load("dynamodb").GetOperation("PutItem");
        var response = Response(400,
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\",\"Item\":{\"pk\":{\"S\":\"1\"}}}",
            ("x-amzn-RequestId", "DDB-RID"));

        var error = ProtocolRegistry.For("json").Parser.ParseError(operation, response);

        Assert.Equal("ConditionalCheckFailedException", error.ErrorCode);
        Assert.Equal("The conditional request failed", error.ErrorMessage);
        Assert.Equal("DDB-RID", error.RequestId);
        var item = (ValueMap)error.Fields["Item"]!;
        Assert.Equal("1", ((ValueMap)item["pk"]!)["S"]);
    }

    [Fact]
    public void QueryCompatibleJsonErrorTakesTheCodeFromTheHeader()
    {
        var operation = BotocoreModels.Load("sqs").GetOperation("GetQueueUrl");
        var response = Response(400, "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"nope\"}",
            ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"));

        var error = ProtocolRegistry.For("json").Parser.ParseError(operation, response);

        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
        Assert.Equal("QueueDoesNotExist", error.Fields["QueryErrorCode"]);
        Assert.Equal("Sender", error.Fields["Type"]);
    }

    [Fact]
    public void QueryAndEc2ErrorsAreReadFromTheirEnvelopes()
    {
        var iam = BotocoreModels.Load("iam").GetOperation("GetUser");
        var queryError = ProtocolRegistry.For("query").Parser.ParseError(iam, Response(404,
            "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>no user</Message></Error><RequestId>IAM-RID</RequestId></ErrorResponse>"));
        Assert.Equal("NoSuchEntity", queryError.ErrorCode);
        Assert.Equal("IAM-RID", queryError.RequestId);
        Assert.Equal("Sender", queryError.Fields["Type"]);

        var ec2 = BotocoreModels.Load("ec2").GetOperation("DescribeInstances");
        var ec2Error = ProtocolRegistry.For("ec2").Parser.ParseError(ec2, Response(400,
            "<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>gone</Message></Error></Errors><RequestID>EC2-RID</RequestID></Response>"));
        Assert.Equal("InvalidInstanceID.NotFound", ec2Error.ErrorCode);
        Assert.Equal("gone", ec2Error.ErrorMessage);
        Assert.Equal("EC2-RID", ec2Error.RequestId);
    }

    [Fact]
    public void AnHtml503IsAGenericErrorNamedByItsStatus()
    {
        var operation = BotocoreModels.Load("dynamodb").GetOperation("GetItem");
        var error = ProtocolRegistry.For("json").Parser.ParseError(operation, Response(503, "<html><body>busy</body></html>"));
        Assert.Equal("503", error.ErrorCode);
        Assert.Equal("Service Unavailable", error.ErrorMessage);
    }

    [Fact]
    public void RestJsonCodeComesFromTheErrorTypeHeader()
    {
        var operation = BotocoreModels.Load("lambda").GetOperation("GetFunction");
        var error = ProtocolRegistry.For("rest-json").Parser.ParseError(operation, Response(404,
            "{\"Type\":\"User\",\"Message\":\"Function not found\"}",
            ("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/"), ("x-amzn-RequestId", "L-RID")));
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("Function not found", error.ErrorMessage);
        Assert.Equal("User", error.Fields["Type"]);
        Assert.Equal("L-RID", error.RequestId);
    }

    [Theory]
    [InlineData(200, "<Error><Code>InternalError</Code></Error>", true)]
    [InlineData(200, "<CopyObjectResult><ETag>x</ETag></CopyObjectResult>", false)]
    [InlineData(200, "<CompleteMultipartUploadResult><Loc", true)]
    [InlineData(200, "", false)]
    [InlineData(500, "<Error><Code>InternalError</Code></Error>", false)]
    public void DetectsS3ErrorsSentWithStatus200(int status, string body, bool isError)
    {
        Assert.Equal(isError, RestXmlErrors.IsErrorIn200Response(Response(status, body)));
    }
}
