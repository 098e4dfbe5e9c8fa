namespace AwsCore.Tests.Differential;

/// <summary>
/// The calls built on both sides: every protocol (rest-xml, rest-json, json, query, ec2) over 22 services, with
/// realistic parameters. Idempotency tokens are given explicitly, since each side would otherwise draw its own.
/// </summary>
internal static class RequestCases
{
    public static readonly IReadOnlyDictionary<string, RequestCase> All = new Dictionary<string, RequestCase>(StringComparer.Ordinal)
    {
        // S3: rest-xml, virtual-hosted by default for DNS-safe buckets, path style on request, flexible checksums.
        ["s3.ListBuckets"] = new("s3", "ListBuckets", "{}"),
        ["s3.CreateBucket"] = new("s3", "CreateBucket", """{"Bucket":"awscore-diff-bucket","CreateBucketConfiguration":{"LocationConstraint":"eu-west-1"}}"""),
        ["s3.PutObject"] = new("s3", "PutObject", """{"Bucket":"awscore-diff-bucket","Key":"reports/2026/jan 01+data.csv","Body":"id,name\n1,ünïcode\n","ContentType":"text/csv","Metadata":{"origin":"differential"}}"""),
        ["s3.PutObject.path"] = new("s3", "PutObject", """{"Bucket":"awscore-diff-bucket","Key":"a/b/c.txt","Body":"hello world","CacheControl":"max-age=60"}""", "path"),
        ["s3.PutObject.sha256"] = new("s3", "PutObject", """{"Bucket":"awscore-diff-bucket","Key":"sums.bin","Body":"checksum me","ChecksumAlgorithm":"SHA256"}"""),
        ["s3.PutObject.dotted.bucket"] = new("s3", "PutObject", """{"Bucket":"awscore.diff.bucket","Key":"k","Body":"x"}"""),
        ["s3.GetObject"] = new("s3", "GetObject", """{"Bucket":"awscore-diff-bucket","Key":"dir/with space/ü~*'()!.txt","Range":"bytes=0-99","VersionId":"3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY","ResponseContentType":"text/plain"}"""),
        ["s3.GetObject.path"] = new("s3", "GetObject", """{"Bucket":"awscore-diff-bucket","Key":"x/y.json","ChecksumMode":"ENABLED"}""", "path"),
        ["s3.HeadObject"] = new("s3", "HeadObject", """{"Bucket":"awscore-diff-bucket","Key":"x/y.json","IfNoneMatch":"\"etag\""}"""),
        ["s3.ListObjectsV2"] = new("s3", "ListObjectsV2", """{"Bucket":"awscore-diff-bucket","Prefix":"logs/2026/","Delimiter":"/","MaxKeys":250,"StartAfter":"logs/2026/01","FetchOwner":true}"""),
        ["s3.ListObjects.path"] = new("s3", "ListObjects", """{"Bucket":"awscore-diff-bucket","Prefix":"a b","Marker":"a b/c"}""", "path"),
        ["s3.DeleteObjects"] = new("s3", "DeleteObjects", """{"Bucket":"awscore-diff-bucket","Delete":{"Objects":[{"Key":"one.txt"},{"Key":"two & three.txt","VersionId":"v2"}],"Quiet":true}}"""),
        ["s3.CopyObject"] = new("s3", "CopyObject", """{"Bucket":"awscore-diff-bucket","Key":"copy.txt","CopySource":"source-bucket/orig inal.txt","MetadataDirective":"REPLACE","Metadata":{"k":"v"}}"""),
        ["s3.PutBucketTagging"] = new("s3", "PutBucketTagging", """{"Bucket":"awscore-diff-bucket","Tagging":{"TagSet":[{"Key":"team","Value":"core"},{"Key":"env","Value":"test"}]}}"""),
        ["s3.GetBucketLocation"] = new("s3", "GetBucketLocation", """{"Bucket":"awscore-diff-bucket"}"""),
        ["s3.CreateMultipartUpload"] = new("s3", "CreateMultipartUpload", """{"Bucket":"awscore-diff-bucket","Key":"big.bin","ContentType":"application/octet-stream"}"""),
        ["s3.UploadPart"] = new("s3", "UploadPart", """{"Bucket":"awscore-diff-bucket","Key":"big.bin","UploadId":"upload-id-1","PartNumber":3,"Body":"part three"}"""),
        ["s3.CompleteMultipartUpload"] = new("s3", "CompleteMultipartUpload", """{"Bucket":"awscore-diff-bucket","Key":"big.bin","UploadId":"upload-id-1","MultipartUpload":{"Parts":[{"ETag":"\"e1\"","PartNumber":1},{"ETag":"\"e2\"","PartNumber":2}]}}"""),

        // DynamoDB: json 1.0.
        ["dynamodb.PutItem"] = new("dynamodb", "PutItem", """{"TableName":"Orders","Item":{"pk":{"S":"order#1"},"qty":{"N":"3"},"tags":{"SS":["a","b"]},"blob":{"B":"YmluYXJ5"}},"ConditionExpression":"attribute_not_exists(pk)"}"""),
        ["dynamodb.GetItem"] = new("dynamodb", "GetItem", """{"TableName":"Orders","Key":{"pk":{"S":"order#1"}},"ConsistentRead":true,"ProjectionExpression":"pk, qty"}"""),
        ["dynamodb.Query"] = new("dynamodb", "Query", """{"TableName":"Orders","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"order#1"}},"Limit":25,"ScanIndexForward":false}"""),
        ["dynamodb.Scan"] = new("dynamodb", "Scan", """{"TableName":"Orders","ExclusiveStartKey":{"pk":{"S":"order#9"}},"Segment":1,"TotalSegments":4}"""),
        ["dynamodb.UpdateItem"] = new("dynamodb", "UpdateItem", """{"TableName":"Orders","Key":{"pk":{"S":"order#1"}},"UpdateExpression":"SET qty = qty + :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"UPDATED_NEW"}"""),
        ["dynamodb.CreateTable"] = new("dynamodb", "CreateTable", """{"TableName":"Orders","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"""),
        ["dynamodb.BatchWriteItem"] = new("dynamodb", "BatchWriteItem", """{"RequestItems":{"Orders":[{"PutRequest":{"Item":{"pk":{"S":"x"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"y"}}}}]}}"""),

        // SQS: json 1.0 with query compatibility.
        ["sqs.SendMessage"] = new("sqs", "SendMessage", """{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/jobs","MessageBody":"{\"job\":42, \"note\":\"ünïcode\"}","DelaySeconds":5,"MessageAttributes":{"kind":{"DataType":"String","StringValue":"batch"}}}"""),
        ["sqs.ReceiveMessage"] = new("sqs", "ReceiveMessage", """{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/jobs","MaxNumberOfMessages":10,"WaitTimeSeconds":20,"MessageAttributeNames":["All"]}"""),
        ["sqs.CreateQueue"] = new("sqs", "CreateQueue", """{"QueueName":"jobs.fifo","Attributes":{"FifoQueue":"true","VisibilityTimeout":"60"},"tags":{"team":"core"}}"""),
        ["sqs.GetQueueUrl"] = new("sqs", "GetQueueUrl", """{"QueueName":"jobs","QueueOwnerAWSAccountId":"123456789012"}"""),

        // SNS, STS, IAM, CloudFormation: query.
        ["sns.Publish"] = new("sns", "Publish", """{"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Message":"disk 95% full & rising","Subject":"Alert: disk","MessageAttributes":{"severity":{"DataType":"String","StringValue":"high"},"count":{"DataType":"Number","StringValue":"3"}}}"""),
        ["sns.CreateTopic"] = new("sns", "CreateTopic", """{"Name":"alerts","Attributes":{"DisplayName":"Alerts"},"Tags":[{"Key":"team","Value":"core"}]}"""),
        ["sns.Subscribe"] = new("sns", "Subscribe", """{"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Protocol":"email","Endpoint":"ops+alerts@example.com","ReturnSubscriptionArn":true}"""),
        ["sts.GetCallerIdentity"] = new("sts", "GetCallerIdentity", "{}"),
        ["sts.AssumeRole"] = new("sts", "AssumeRole", """{"RoleArn":"arn:aws:iam::123456789012:role/deploy","RoleSessionName":"awscore-diff","DurationSeconds":900,"Tags":[{"Key":"project","Value":"awscore"}],"ExternalId":"ext-1"}"""),
        ["iam.CreateUser"] = new("iam", "CreateUser", """{"UserName":"alice","Path":"/engineering/","Tags":[{"Key":"dept","Value":"eng"}]}"""),
        ["iam.ListUsers"] = new("iam", "ListUsers", """{"PathPrefix":"/engineering/","MaxItems":50}"""),
        ["iam.PutRolePolicy"] = new("iam", "PutRolePolicy", """{"RoleName":"deploy","PolicyName":"s3-read","PolicyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"}"""),
        ["iam.CreateRole"] = new("iam", "CreateRole", """{"RoleName":"deploy","AssumeRolePolicyDocument":"{\"Statement\":[]}","Description":"deploys things","MaxSessionDuration":3600}"""),
        ["cloudformation.CreateStack"] = new("cloudformation", "CreateStack", """{"StackName":"web","TemplateBody":"Resources: {}","Parameters":[{"ParameterKey":"Env","ParameterValue":"prod"}],"Capabilities":["CAPABILITY_IAM"],"Tags":[{"Key":"app","Value":"web"}],"ClientRequestToken":"token-0001"}"""),
        ["cloudformation.DescribeStacks"] = new("cloudformation", "DescribeStacks", """{"StackName":"web"}"""),
        ["cloudformation.ListStacks"] = new("cloudformation", "ListStacks", """{"StackStatusFilter":["CREATE_COMPLETE","UPDATE_COMPLETE"]}"""),

        // EC2: ec2 query.
        ["ec2.DescribeInstances"] = new("ec2", "DescribeInstances", """{"Filters":[{"Name":"instance-state-name","Values":["running","stopped"]},{"Name":"tag:Name","Values":["web*"]}],"MaxResults":100}"""),
        ["ec2.RunInstances"] = new("ec2", "RunInstances", """{"ImageId":"ami-0123456789abcdef0","InstanceType":"t3.micro","MinCount":1,"MaxCount":2,"ClientToken":"run-token-1","TagSpecifications":[{"ResourceType":"instance","Tags":[{"Key":"Name","Value":"web 1"}]}],"UserData":"IyEvYmluL3NoCmVjaG8gaGk="}"""),
        ["ec2.AuthorizeSecurityGroupIngress"] = new("ec2", "AuthorizeSecurityGroupIngress", """{"GroupId":"sg-12345678","IpPermissions":[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"10.0.0.0/8","Description":"internal"}]}]}"""),
        ["ec2.CreateSecurityGroup"] = new("ec2", "CreateSecurityGroup", """{"GroupName":"web","Description":"web tier","VpcId":"vpc-1234"}"""),
        ["ec2.DescribeImages"] = new("ec2", "DescribeImages", """{"Owners":["self","amazon"],"ImageIds":["ami-1","ami-2"]}"""),

        // KMS, Logs, Kinesis, ECS, SSM, Secrets Manager, EventBridge, Step Functions: json 1.1.
        ["kms.Encrypt"] = new("kms", "Encrypt", """{"KeyId":"alias/app","Plaintext":"secret payload","EncryptionContext":{"purpose":"test"}}"""),
        ["kms.Decrypt"] = new("kms", "Decrypt", """{"CiphertextBlob":"opaque-ciphertext","KeyId":"alias/app"}"""),
        ["kms.CreateKey"] = new("kms", "CreateKey", """{"Description":"app key","KeyUsage":"ENCRYPT_DECRYPT","Tags":[{"TagKey":"app","TagValue":"web"}]}"""),
        ["kms.GenerateDataKey"] = new("kms", "GenerateDataKey", """{"KeyId":"alias/app","KeySpec":"AES_256"}"""),
        ["logs.PutLogEvents"] = new("logs", "PutLogEvents", """{"logGroupName":"/app/web","logStreamName":"i-123","logEvents":[{"timestamp":1767323045000,"message":"GET / 200"},{"timestamp":1767323046000,"message":"GET /x 404"}]}"""),
        ["logs.FilterLogEvents"] = new("logs", "FilterLogEvents", """{"logGroupName":"/app/web","filterPattern":"ERROR","startTime":1767323045000,"limit":100}"""),
        ["logs.CreateLogGroup"] = new("logs", "CreateLogGroup", """{"logGroupName":"/app/web","tags":{"team":"core"}}"""),
        ["kinesis.PutRecord"] = new("kinesis", "PutRecord", """{"StreamName":"clicks","Data":"click at 12:00","PartitionKey":"user-7"}"""),
        ["kinesis.ListStreams"] = new("kinesis", "ListStreams", """{"Limit":10}"""),
        ["ecs.RunTask"] = new("ecs", "RunTask", """{"cluster":"prod","taskDefinition":"web:3","count":2,"launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"],"assignPublicIp":"ENABLED"}},"clientToken":"ecs-token-1"}"""),
        ["ecs.DescribeServices"] = new("ecs", "DescribeServices", """{"cluster":"prod","services":["web","worker"]}"""),
        ["ssm.GetParameter"] = new("ssm", "GetParameter", """{"Name":"/app/db/password","WithDecryption":true}"""),
        ["ssm.PutParameter"] = new("ssm", "PutParameter", """{"Name":"/app/flag","Value":"on","Type":"String","Overwrite":true}"""),
        ["ssm.GetParametersByPath"] = new("ssm", "GetParametersByPath", """{"Path":"/app/","Recursive":true,"MaxResults":10}"""),
        ["secretsmanager.CreateSecret"] = new("secretsmanager", "CreateSecret", """{"Name":"app/db","SecretString":"{\"password\":\"p@ss\"}","ClientRequestToken":"11111111-2222-3333-4444-555555555555"}"""),
        ["secretsmanager.GetSecretValue"] = new("secretsmanager", "GetSecretValue", """{"SecretId":"app/db","VersionStage":"AWSCURRENT"}"""),
        ["events.PutEvents"] = new("events", "PutEvents", """{"Entries":[{"Source":"app.web","DetailType":"order","Detail":"{\"id\":1}","EventBusName":"default"}]}"""),
        ["stepfunctions.StartExecution"] = new("stepfunctions", "StartExecution", """{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:flow","name":"run-1","input":"{\"x\":1}"}"""),

        // CloudWatch: json 1.0 chosen over rpc-v2-cbor and query by protocol priority; timestamps as epoch numbers.
        ["cloudwatch.PutMetricData"] = new("cloudwatch", "PutMetricData", """{"Namespace":"App/Web","MetricData":[{"MetricName":"Latency","Dimensions":[{"Name":"Route","Value":"/"}],"Timestamp":"2026-01-02T03:00:00Z","Value":12.5,"Unit":"Milliseconds"}]}"""),
        ["cloudwatch.GetMetricStatistics"] = new("cloudwatch", "GetMetricStatistics", """{"Namespace":"App/Web","MetricName":"Latency","StartTime":"2026-01-01T00:00:00Z","EndTime":"2026-01-02T00:00:00.5Z","Period":300,"Statistics":["Average","Maximum"]}"""),
        ["cloudwatch.DescribeAlarms"] = new("cloudwatch", "DescribeAlarms", """{"AlarmNamePrefix":"web-","StateValue":"ALARM","MaxRecords":50}"""),

        // Lambda, Glacier, API Gateway: rest-json.
        ["lambda.Invoke"] = new("lambda", "Invoke", """{"FunctionName":"resize","InvocationType":"RequestResponse","LogType":"Tail","Payload":"{\"width\":100}","Qualifier":"live"}"""),
        ["lambda.ListFunctions"] = new("lambda", "ListFunctions", """{"MaxItems":20,"Marker":"fn-20"}"""),
        ["lambda.GetFunction"] = new("lambda", "GetFunction", """{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:resize"}"""),
        ["lambda.UpdateFunctionConfiguration"] = new("lambda", "UpdateFunctionConfiguration", """{"FunctionName":"resize","MemorySize":512,"Timeout":30,"Environment":{"Variables":{"MODE":"fast"}}}"""),
        ["glacier.ListVaults"] = new("glacier", "ListVaults", """{"limit":"10"}"""),
        ["glacier.UploadArchive"] = new("glacier", "UploadArchive", """{"vaultName":"backups","archiveDescription":"nightly","body":"archive bytes"}"""),
        ["apigateway.GetRestApis"] = new("apigateway", "GetRestApis", """{"limit":25,"position":"abc"}"""),
        ["apigateway.CreateRestApi"] = new("apigateway", "CreateRestApi", """{"name":"orders","description":"orders api","endpointConfiguration":{"types":["REGIONAL"]}}"""),
        ["apigateway.PutIntegration"] = new("apigateway", "PutIntegration", """{"restApiId":"a1b2c3","resourceId":"r1","httpMethod":"GET","type":"HTTP_PROXY","integrationHttpMethod":"GET","uri":"https://example.com/{proxy}"}"""),

        // Route53, CloudFront: global rest-xml.
        ["route53.ListHostedZones"] = new("route53", "ListHostedZones", """{"MaxItems":"50"}"""),
        ["route53.ChangeResourceRecordSets"] = new("route53", "ChangeResourceRecordSets", """{"HostedZoneId":"/hostedzone/Z123456","ChangeBatch":{"Comment":"add www","Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"www.example.com.","Type":"A","TTL":300,"ResourceRecords":[{"Value":"192.0.2.1"}]}}]}}"""),
        ["route53.CreateHostedZone"] = new("route53", "CreateHostedZone", """{"Name":"example.com","CallerReference":"ref-2026-01-02","HostedZoneConfig":{"Comment":"test zone","PrivateZone":false}}"""),
        ["cloudfront.ListDistributions"] = new("cloudfront", "ListDistributions", """{"MaxItems":"10"}"""),
        ["cloudfront.CreateInvalidation"] = new("cloudfront", "CreateInvalidation", """{"DistributionId":"E123ABC","InvalidationBatch":{"Paths":{"Quantity":2,"Items":["/index.html","/img/*"]},"CallerReference":"inv-1"}}"""),
        ["cloudfront.GetDistribution"] = new("cloudfront", "GetDistribution", """{"Id":"E123ABC"}"""),
    };
}
