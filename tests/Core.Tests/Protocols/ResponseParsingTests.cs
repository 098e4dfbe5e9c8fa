using System.Text;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Tests.Protocols;

public sealed class ResponseParsingTests
{
    [Fact]
    public void S3OutputHasHeadersTimestampsAndResponseMetadata()
    {
        var operation = BotocoreModels.Load("s3").GetOperation("ListObjectsV2");
        var response = new AwsHttpResponse
        {
            StatusCode = 200,
            Body = Encoding.UTF8.GetBytes("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name><KeyCount>2</KeyCount><IsTruncated>false</IsTruncated>" +
                "<Contents><Key>a &amp; b</Key><LastModified>2024-01-01T00:00:01.000Z</LastModified><Size>5</Size></Contents>" +
                "<Contents><Key>c</Key><LastModified>2024-01-01T00:00:02.000Z</LastModified><Size>6</Size></Contents></ListBucketResult>"),
        };
        response.Headers["x-amz-request-id"] = "RID";
        response.Headers["x-amz-id-2"] = "HID";
        response.Headers["Content-Type"] = "application/xml";

        var parsed = ProtocolRegistry.For("rest-xml").Parser.Parse(operation, response);

        Assert.Equal("b", parsed["Name"]);
        Assert.Equal(2, parsed["KeyCount"]);
        Assert.Equal(false, parsed["IsTruncated"]);
        var contents = (List<object?>)parsed["Contents"]!;
        var first = (ValueMap)contents[0]!;
        Assert.Equal("a & b", first["Key"]);
        Assert.Equal(5L, first["Size"]);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 1, DateTimeKind.Utc), first["LastModified"]);
        var metadata = (ValueMap)parsed["ResponseMetadata"]!;
        Assert.Equal("RID", metadata["RequestId"]);
        Assert.Equal("HID", metadata["HostId"]);
        Assert.Equal(200, metadata["HTTPStatusCode"]);
        Assert.Equal("application/xml", ((ValueMap)metadata["HTTPHeaders"]!)["content-type"]);
    }

    [Fact]
    public void AStreamingBodyIsHandedOnAsAStream()
    {
        var operation = BotocoreModels.Load("s3").GetOperation("GetObject");
        var body = new MemoryStream(Encoding.UTF8.GetBytes("hello"));
        var response = new AwsHttpResponse { StatusCode = 200, BodyStream = body };
        response.Headers["Content-Length"] = "5";
        response.Headers["Last-Modified"] = "Wed, 21 Oct 2015 07:28:00 GMT";
        response.Headers["x-amz-meta-colour"] = "blue";

        var parsed = ProtocolRegistry.For("rest-xml").Parser.Parse(operation, response);

        Assert.Same(body, parsed["Body"]);
        Assert.Equal(5L, parsed["ContentLength"]);
        Assert.Equal(new DateTime(2015, 10, 21, 7, 28, 0, DateTimeKind.Utc), parsed["LastModified"]);
        Assert.Equal("blue", ((ValueMap)parsed["Metadata"]!)["colour"]);
    }

    [Fact]
    public void QueryOutputIsReadUnderItsResultWrapper()
    {
        var operation = BotocoreModels.Load("sts").GetOperation("GetCallerIdentity");
        var response = new AwsHttpResponse
        {
            StatusCode = 200,
            Body = Encoding.UTF8.GetBytes("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
                "<Arn>arn:aws:iam::123456789012:user/ada</Arn><UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult>" +
                "<ResponseMetadata><RequestId>STS-RID</RequestId></ResponseMetadata></GetCallerIdentityResponse>"),
        };
        var parsed = ProtocolRegistry.For("query").Parser.Parse(operation, response);
        Assert.Equal("123456789012", parsed["Account"]);
        Assert.Equal("STS-RID", ((ValueMap)parsed["ResponseMetadata"]!)["RequestId"]);
    }

    [Fact]
    public void MapKeysRepeatedAcrossResponsesAreOneStringAndCollidingKeysStayApart()
    {
        var operation = BotocoreModels.Load("dynamodb").GetOperation("GetItem");
        // Each key as the body writes it and as it reads: 200 keys overfill the key table (collisions), then a
        // non-ASCII key, an escaped one, one too long to keep, and the empty key.
        var keys = Enumerable.Range(0, 200).Select(i => ("attr" + i, "attr" + i))
            .Concat(new[] { ("clé", "clé"), ("A\\u0042", "AB"), (new string('k', 60), new string('k', 60)), ("", "") })
            .ToList();
        var body = "{\"Item\":{" + string.Join(",", keys.Select((k, i) => $"\"{k.Item1}\":{{\"N\":\"{i}\"}}")) + "}}";
        var parser = ProtocolRegistry.For("json").Parser;
        ValueMap Item(string json) =>
            (ValueMap)parser.Parse(operation, new AwsHttpResponse { StatusCode = 200, Body = Encoding.UTF8.GetBytes(json) })["Item"]!;

        var first = Item(body);
        var second = Item(body);

        var expected = keys.Select(k => k.Item2).ToList();
        Assert.Equal(expected, first.Keys.ToList());
        Assert.Equal(expected, second.Keys.ToList());
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), ((ValueMap)second[expected[i]]!)["N"]);
        const string small = "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"b\"}}}";
        Assert.Same(Item(small).Keys.First(), Item(small).Keys.First());
    }

    [Fact]
    public void AnUnknownProtocolIsNamedWithTheKnownOnes()
    {
        var error = Assert.Throws<NotSupportedException>(() => ProtocolRegistry.For("soap"));
        Assert.Contains("rest-xml", error.Message);
    }
}
