using System.Text;
using AwsCore.Runtime;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Integration;

/// <summary>One real round trip per protocol and service family against moto_server.</summary>
[Collection(MotoCollection.Name)]
public sealed class ServicesIntegrationTests
{
    private readonly MotoServer _moto;

    public ServicesIntegrationTests(MotoServer moto) => _moto = moto;

    private AwsClient Client(string service) => MotoClients.Create(_moto, service);

    private static Dictionary<string, object?> P(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task DynamoDbTableLifecycleItemsQueryScanAndConditionalFailure()
    {
        var ddb = Client("dynamodb");
        var table = MotoClients.Unique("orders");
        await ddb.InvokeAsync("CreateTable", P(
            ("TableName", table),
            ("KeySchema", new[] { P(("AttributeName", "pk"), ("KeyType", "HASH")), P(("AttributeName", "sk"), ("KeyType", "RANGE")) }),
            ("AttributeDefinitions", new[] { P(("AttributeName", "pk"), ("AttributeType", "S")), P(("AttributeName", "sk"), ("AttributeType", "N")) }),
            ("BillingMode", "PAY_PER_REQUEST")));
        await ddb.WaitAsync("TableExists", P(("TableName", table)), new WaiterOptions { Delay = TimeSpan.FromMilliseconds(50), MaxAttempts = 10 });

        for (var i = 0; i < 25; i++)
            await ddb.InvokeAsync("PutItem", P(("TableName", table), ("Item", P(
                ("pk", P(("S", "customer-1"))), ("sk", P(("N", i.ToString()))), ("note", P(("S", "näme & <x> " + i)))))));

        var item = await ddb.InvokeAsync("GetItem", P(("TableName", table), ("Key", P(("pk", P(("S", "customer-1"))), ("sk", P(("N", "3")))))));
        Assert.Equal("näme & <x> 3", item.Get<string>("Item", "note", "S"));

        var query = await ddb.InvokeAsync("Query", P(("TableName", table), ("KeyConditionExpression", "pk = :p AND sk >= :s"),
            ("ExpressionAttributeValues", P((":p", P(("S", "customer-1"))), (":s", P(("N", "20")))))));
        Assert.Equal(5, query.Get<int>("Count"));

        var scanned = ddb.Paginate("Scan", P(("TableName", table)), new PaginationOptions { PageSize = 10 }).Items().Count();
        Assert.Equal(25, scanned);
        var queried = ddb.Paginate("Query", P(("TableName", table), ("KeyConditionExpression", "pk = :p"),
            ("ExpressionAttributeValues", P((":p", P(("S", "customer-1")))))), new PaginationOptions { PageSize = 7 }).Items().Count();
        Assert.Equal(25, queried);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ddb.InvokeAsync("PutItem", P(("TableName", table),
            ("Item", P(("pk", P(("S", "customer-1"))), ("sk", P(("N", "3"))))), ("ConditionExpression", "attribute_not_exists(pk)"))));
        Assert.Equal("ConditionalCheckFailedException", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);

        await ddb.InvokeAsync("DeleteTable", P(("TableName", table)));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => ddb.InvokeAsync("DescribeTable", P(("TableName", table))));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
    }

    [Fact]
    public async Task SqsSendReceiveDelete()
    {
        var sqs = Client("sqs");
        var url = (await sqs.InvokeAsync("CreateQueue", P(("QueueName", MotoClients.Unique("q"))))).Get<string>("QueueUrl");
        await sqs.InvokeAsync("SendMessage", P(("QueueUrl", url), ("MessageBody", "hello ünïcode"),
            ("MessageAttributes", P(("kind", P(("DataType", "String"), ("StringValue", "greeting")))))));
        var received = await sqs.InvokeAsync("ReceiveMessage", P(("QueueUrl", url), ("MaxNumberOfMessages", 1), ("MessageAttributeNames", new[] { "All" })));
        var message = received.Get<List<object?>>("Messages")[0]!;
        Assert.Equal("hello ünïcode", MotoClients.Walk(message, "Body"));
        await sqs.InvokeAsync("DeleteMessage", P(("QueueUrl", url), ("ReceiptHandle", MotoClients.Walk(message, "ReceiptHandle"))));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => sqs.InvokeAsync("GetQueueUrl", P(("QueueName", "no-such-queue-xyz"))));
        Assert.Contains("NonExistentQueue", error.ErrorCode);
    }

    [Fact]
    public async Task SnsTopicAndPublish()
    {
        var sns = Client("sns");
        var arn = (await sns.InvokeAsync("CreateTopic", P(("Name", MotoClients.Unique("topic"))))).Get<string>("TopicArn");
        var published = await sns.InvokeAsync("Publish", P(("TopicArn", arn), ("Message", "m & <x>")));
        Assert.False(string.IsNullOrEmpty(published.Get<string>("MessageId")));
        var topics = sns.Paginate("ListTopics").Items().Select(t => (string?)MotoClients.Walk(t, "TopicArn"));
        Assert.Contains(arn, topics);
    }

    [Fact]
    public async Task IamUsersListWithMarkersAndStsCallerIdentity()
    {
        var iam = Client("iam");
        var prefix = MotoClients.Unique("user");
        for (var i = 0; i < 7; i++) await iam.InvokeAsync("CreateUser", P(("UserName", $"{prefix}-{i}")));
        var names = iam.Paginate("ListUsers", null, new PaginationOptions { PageSize = 3 }).Items()
            .Select(u => (string)MotoClients.Walk(u, "UserName")!).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(7, names.Count);
        var user = await iam.InvokeAsync("GetUser", P(("UserName", $"{prefix}-0")));
        Assert.IsType<DateTime>(user.Get<object>("User", "CreateDate"));

        var sts = Client("sts");
        var identity = await sts.InvokeAsync("GetCallerIdentity");
        Assert.Matches("^[0-9]{12}$", identity.Get<string>("Account"));
    }

    [Fact]
    public async Task Ec2RunDescribeWaitAndTerminate()
    {
        var ec2 = Client("ec2");
        var images = await ec2.InvokeAsync("DescribeImages");
        var imageId = (string)MotoClients.Walk(images, "Images", "0", "ImageId")!;
        var run = await ec2.InvokeAsync("RunInstances", P(("ImageId", imageId), ("MinCount", 2), ("MaxCount", 2), ("InstanceType", "t3.micro"),
            ("UserData", "#!/bin/sh\necho hi"), ("TagSpecifications", new[] { P(("ResourceType", "instance"), ("Tags", new[] { P(("Key", "Name"), ("Value", "awscore")) })) })));
        var ids = run.Get<List<object?>>("Instances").Select(i => (string)MotoClients.Walk(i, "InstanceId")!).ToArray();
        Assert.Equal(2, ids.Length);
        await ec2.WaitAsync("InstanceRunning", P(("InstanceIds", ids)), new WaiterOptions { Delay = TimeSpan.FromMilliseconds(50), MaxAttempts = 10 });
        var described = ec2.Paginate("DescribeInstances", P(("InstanceIds", ids))).Search("Reservations[].Instances[].InstanceId").ToList();
        Assert.Equal(ids.OrderBy(i => i), described.Cast<string>().OrderBy(i => i));
        var terminated = await ec2.InvokeAsync("TerminateInstances", P(("InstanceIds", ids)));
        Assert.Equal(2, terminated.Get<List<object?>>("TerminatingInstances").Count);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ec2.InvokeAsync("DescribeInstances", P(("InstanceIds", new[] { "i-00000000000000000" }))));
        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task KmsEncryptDecrypt()
    {
        var kms = Client("kms");
        var keyId = (await kms.InvokeAsync("CreateKey", P(("Description", "awscore")))).Get<string>("KeyMetadata", "KeyId");
        var plain = Encoding.UTF8.GetBytes("secret payload ✓");
        var encrypted = await kms.InvokeAsync("Encrypt", P(("KeyId", keyId), ("Plaintext", plain)));
        var decrypted = await kms.InvokeAsync("Decrypt", P(("CiphertextBlob", encrypted.Get<byte[]>("CiphertextBlob"))));
        Assert.Equal(plain, decrypted.Get<byte[]>("Plaintext"));
    }

    [Fact]
    public async Task SsmParametersAndSecretsManager()
    {
        var ssm = Client("ssm");
        var name = "/runbooks/" + MotoClients.Unique("p");
        await ssm.InvokeAsync("PutParameter", P(("Name", name), ("Value", "v1"), ("Type", "SecureString")));
        var got = await ssm.InvokeAsync("GetParameter", P(("Name", name), ("WithDecryption", true)));
        Assert.Equal("v1", got.Get<string>("Parameter", "Value"));

        var secrets = Client("secretsmanager");
        var secretName = MotoClients.Unique("secret");
        await secrets.InvokeAsync("CreateSecret", P(("Name", secretName), ("SecretString", "{\"password\":\"p\"}")));
        var value = await secrets.InvokeAsync("GetSecretValue", P(("SecretId", secretName)));
        Assert.Equal("{\"password\":\"p\"}", value.Get<string>("SecretString"));
    }

    [Fact]
    public async Task CloudFormationStackFromATemplate()
    {
        var cfn = Client("cloudformation");
        var stack = MotoClients.Unique("stack");
        const string template = "{\"Resources\":{\"Queue\":{\"Type\":\"AWS::SQS::Queue\",\"Properties\":{\"QueueName\":\"cfn-q\"}}}}";
        await cfn.InvokeAsync("CreateStack", P(("StackName", stack), ("TemplateBody", template)));
        var described = await cfn.InvokeAsync("DescribeStacks", P(("StackName", stack)));
        Assert.Equal(stack, MotoClients.Walk(described, "Stacks", "0", "StackName"));
        var body = await cfn.InvokeAsync("GetTemplate", P(("StackName", stack)));
        Assert.IsAssignableFrom<IDictionary<string, object?>>(body["TemplateBody"]);
    }

    [Fact]
    public async Task CloudWatchMetricsAndLogs()
    {
        var cw = Client("cloudwatch");
        var ns = "AwsCore/" + MotoClients.Unique("ns");
        await cw.InvokeAsync("PutMetricData", P(("Namespace", ns), ("MetricData", new[] { P(("MetricName", "Latency"), ("Value", 12.5), ("Unit", "Milliseconds")) })));
        var metrics = await cw.InvokeAsync("ListMetrics", P(("Namespace", ns)));
        Assert.Equal("Latency", MotoClients.Walk(metrics, "Metrics", "0", "MetricName"));

        var logs = Client("logs");
        var group = MotoClients.Unique("group");
        await logs.InvokeAsync("CreateLogGroup", P(("logGroupName", group)));
        await logs.InvokeAsync("CreateLogStream", P(("logGroupName", group), ("logStreamName", "s")));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await logs.InvokeAsync("PutLogEvents", P(("logGroupName", group), ("logStreamName", "s"),
            ("logEvents", new[] { P(("timestamp", now), ("message", "line one")), P(("timestamp", now + 1), ("message", "line two")) })));
        var events = await logs.InvokeAsync("GetLogEvents", P(("logGroupName", group), ("logStreamName", "s"), ("startFromHead", true)));
        Assert.Equal(new object?[] { "line one", "line two" }, events.Get<List<object?>>("events").Select(e => MotoClients.Walk(e, "message")).ToArray());
    }

    [Fact]
    public async Task LambdaListsFunctions()
    {
        var lambda = Client("lambda");
        var listed = await lambda.InvokeAsync("ListFunctions");
        Assert.IsType<List<object?>>(listed["Functions"]);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.InvokeAsync("GetFunction", P(("FunctionName", "no-such-function"))));
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal(404, error.StatusCode);
    }
}
