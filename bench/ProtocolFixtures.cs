using System.Globalization;
using System.IO.Compression;
using System.Text;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Bench;

/// <summary>
/// The requests and responses the protocol benchmarks serialize and parse, built deterministically so the botocore
/// peer parses byte-for-byte the same bodies: DynamoDB PutItem/GetItem (json), an S3 ListObjectsV2 page of 1,000 keys
/// (rest-xml), an EC2 DescribeInstances page of 100 instances (ec2).
/// </summary>
internal static class ProtocolFixtures
{
    public sealed record Fixture(string Name, string Service, string Operation, Dictionary<string, object?> Parameters, AwsHttpResponse Response);

    public static Fixture Get(string name) => name switch
    {
        "DynamoDbPutItem" => new(name, "dynamodb", "PutItem", PutItemParameters(), Json("{\"ConsumedCapacity\":{\"TableName\":\"bench\",\"CapacityUnits\":1.0}}")),
        "DynamoDbGetItem" => new(name, "dynamodb", "GetItem", GetItemParameters(), Json("{\"Item\":" + ItemJson() + "}")),
        "S3ListObjectsV2" => new(name, "s3", "ListObjectsV2", new() { ["Bucket"] = "bench-bucket", ["Prefix"] = "logs/", ["MaxKeys"] = 1000L }, Xml(ListObjectsPage(1000), s3: true)),
        "Ec2DescribeInstances" => new(name, "ec2", "DescribeInstances", DescribeParameters(), Xml(DescribeInstancesPage(100), s3: false)),
        _ => throw new ArgumentException($"no fixture '{name}'"),
    };

    private static AwsHttpResponse Json(string body)
    {
        var response = new AwsHttpResponse { StatusCode = 200, Body = Encoding.UTF8.GetBytes(body) };
        response.Headers["x-amzn-RequestId"] = "3NJ2Q0EXAMPLE";
        response.Headers["Content-Type"] = "application/x-amz-json-1.0";
        response.Headers["x-amz-crc32"] = "1234567";
        return response;
    }

    private static AwsHttpResponse Xml(string body, bool s3)
    {
        var response = new AwsHttpResponse { StatusCode = 200, Body = Encoding.UTF8.GetBytes(body) };
        response.Headers["Content-Type"] = s3 ? "application/xml" : "text/xml;charset=UTF-8";
        if (s3)
        {
            response.Headers["x-amz-request-id"] = "4442587FB7D0A2F9";
            response.Headers["x-amz-id-2"] = "vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=";
        }
        return response;
    }

    private static Dictionary<string, object?> Attr(string type, object value) => new() { [type] = value };

    private static Dictionary<string, object?> Item() => new()
    {
        ["pk"] = Attr("S", "user#12345"),
        ["sk"] = Attr("S", "profile"),
        ["name"] = Attr("S", "Ada Lovelace"),
        ["email"] = Attr("S", "ada@example.com"),
        ["age"] = Attr("N", "36"),
        ["score"] = Attr("N", "98.6"),
        ["active"] = Attr("BOOL", true),
        ["avatar"] = Attr("B", Encoding.UTF8.GetBytes("not-really-a-png")),
        ["tags"] = Attr("SS", new List<object?> { "math", "engines", "poetry" }),
        ["history"] = Attr("L", new List<object?> { Attr("N", "1"), Attr("N", "2"), Attr("S", "three") }),
        ["address"] = Attr("M", new Dictionary<string, object?> { ["city"] = Attr("S", "London"), ["zip"] = Attr("S", "W1") }),
    };

    private static string ItemJson() =>
        "{\"pk\":{\"S\":\"user#12345\"},\"sk\":{\"S\":\"profile\"},\"name\":{\"S\":\"Ada Lovelace\"},\"email\":{\"S\":\"ada@example.com\"}," +
        "\"age\":{\"N\":\"36\"},\"score\":{\"N\":\"98.6\"},\"active\":{\"BOOL\":true},\"avatar\":{\"B\":\"bm90LXJlYWxseS1hLXBuZw==\"}," +
        "\"tags\":{\"SS\":[\"math\",\"engines\",\"poetry\"]},\"history\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"S\":\"three\"}]}," +
        "\"address\":{\"M\":{\"city\":{\"S\":\"London\"},\"zip\":{\"S\":\"W1\"}}}}";

    private static Dictionary<string, object?> PutItemParameters() => new()
    {
        ["TableName"] = "bench",
        ["Item"] = Item(),
        ["ConditionExpression"] = "attribute_not_exists(#pk)",
        ["ExpressionAttributeNames"] = new Dictionary<string, object?> { ["#pk"] = "pk" },
        ["ReturnConsumedCapacity"] = "TOTAL",
    };

    private static Dictionary<string, object?> GetItemParameters() => new()
    {
        ["TableName"] = "bench",
        ["Key"] = new Dictionary<string, object?> { ["pk"] = Attr("S", "user#12345"), ["sk"] = Attr("S", "profile") },
        ["ConsistentRead"] = true,
        ["ProjectionExpression"] = "pk, sk, #n, email, age, score, active, avatar, tags, history, address",
        ["ExpressionAttributeNames"] = new Dictionary<string, object?> { ["#n"] = "name" },
    };

    private static Dictionary<string, object?> DescribeParameters() => new()
    {
        ["Filters"] = new List<object?>
        {
            new Dictionary<string, object?> { ["Name"] = "instance-state-name", ["Values"] = new List<object?> { "running", "stopped" } },
            new Dictionary<string, object?> { ["Name"] = "tag:team", ["Values"] = new List<object?> { "platform" } },
        },
        ["MaxResults"] = 100L,
    };

    private static string ListObjectsPage(int keys)
    {
        var sb = new StringBuilder(keys * 330);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        sb.Append("<Name>bench-bucket</Name><Prefix>logs/</Prefix><KeyCount>").Append(keys).Append("</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>");
        sb.Append("<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < keys; i++)
        {
            sb.Append("<Contents><Key>logs/2024/01/01/app-server-").Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append(".log.gz</Key>");
            sb.Append("<LastModified>").Append(start.AddSeconds(i * 37).ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture)).Append("</LastModified>");
            sb.Append("<ETag>&quot;").Append((i * 7919).ToString("x8", CultureInfo.InvariantCulture)).Append("9b2cf535f27731c974343645a3985&quot;</ETag>");
            sb.Append("<ChecksumAlgorithm>CRC32</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType>");
            sb.Append("<Size>").Append(1024 + i * 13).Append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        sb.Append("</ListBucketResult>");
        return sb.ToString();
    }

    private static string DescribeInstancesPage(int instances)
    {
        var sb = new StringBuilder(instances * 2600);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">");
        sb.Append("<requestId>8f7724cf-496f-496e-8fe3-example</requestId><reservationSet>");
        var perReservation = 5;
        for (var r = 0; r < instances / perReservation; r++)
        {
            sb.Append("<item><reservationId>r-0").Append((r * 104729).ToString("x16", CultureInfo.InvariantCulture)).Append("</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>");
            for (var k = 0; k < perReservation; k++)
            {
                var n = r * perReservation + k;
                var id = "i-0" + (n * 15485863L).ToString("x16", CultureInfo.InvariantCulture);
                sb.Append("<item><instanceId>").Append(id).Append("</instanceId><imageId>ami-0abcdef1234567890</imageId>");
                sb.Append("<instanceState><code>16</code><name>running</name></instanceState>");
                sb.Append("<privateDnsName>ip-10-0-").Append(n % 250).Append('-').Append(n % 200).Append(".ec2.internal</privateDnsName><dnsName/>");
                sb.Append("<reason/><keyName>bench-key</keyName><amiLaunchIndex>0</amiLaunchIndex><productCodes/>");
                sb.Append("<instanceType>m5.large</instanceType><launchTime>2024-03-0").Append(1 + n % 9).Append("T12:34:56.000Z</launchTime>");
                sb.Append("<placement><availabilityZone>us-east-1a</availabilityZone><groupName/><tenancy>default</tenancy></placement>");
                sb.Append("<monitoring><state>disabled</state></monitoring><subnetId>subnet-0123456789abcdef0</subnetId><vpcId>vpc-0123456789abcdef0</vpcId>");
                sb.Append("<privateIpAddress>10.0.").Append(n % 250).Append('.').Append(n % 200).Append("</privateIpAddress>");
                sb.Append("<sourceDestCheck>true</sourceDestCheck><groupSet><item><groupId>sg-0123456789abcdef0</groupId><groupName>default</groupName></item></groupSet>");
                sb.Append("<architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType><rootDeviceName>/dev/xvda</rootDeviceName>");
                sb.Append("<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-0").Append(n.ToString("x16", CultureInfo.InvariantCulture));
                sb.Append("</volumeId><status>attached</status><attachTime>2024-03-01T12:34:57.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></ebs></item></blockDeviceMapping>");
                sb.Append("<virtualizationType>hvm</virtualizationType><clientToken/><tagSet><item><key>Name</key><value>app-").Append(n).Append("</value></item>");
                sb.Append("<item><key>team</key><value>platform</value></item></tagSet><hypervisor>xen</hypervisor>");
                sb.Append("<networkInterfaceSet><item><networkInterfaceId>eni-0").Append(n.ToString("x16", CultureInfo.InvariantCulture)).Append("</networkInterfaceId>");
                sb.Append("<subnetId>subnet-0123456789abcdef0</subnetId><vpcId>vpc-0123456789abcdef0</vpcId><status>in-use</status>");
                sb.Append("<privateIpAddress>10.0.").Append(n % 250).Append('.').Append(n % 200).Append("</privateIpAddress><sourceDestCheck>true</sourceDestCheck></item></networkInterfaceSet>");
                sb.Append("<ebsOptimized>false</ebsOptimized><enaSupport>true</enaSupport>");
                sb.Append("<cpuOptions><coreCount>1</coreCount><threadsPerCore>2</threadsPerCore></cpuOptions>");
                sb.Append("<metadataOptions><state>applied</state><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>");
                sb.Append("</item>");
            }
            sb.Append("</instancesSet></item>");
        }
        sb.Append("</reservationSet></DescribeInstancesResponse>");
        return sb.ToString();
    }

    /// <summary>The installed botocore's newest model of <paramref name="service"/>, the one the peer reads.</summary>
    public static ServiceModel LoadModel(string service)
    {
        var newest = Directory.GetDirectories(Path.Combine(AwsCore.Tests.Support.BotocoreData.Require(), service)).OrderByDescending(d => d, StringComparer.Ordinal).First();
        var path = Path.Combine(newest, "service-2.json.gz");
        if (!File.Exists(path)) return ServiceModel.Parse(File.ReadAllBytes(Path.Combine(newest, "service-2.json")), service, newest);
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        gz.CopyTo(copy);
        return ServiceModel.Parse(copy.ToArray(), service, path);
    }
}
