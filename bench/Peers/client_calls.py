"""botocore's side of ClientCallBenchmarks: the same three calls through boto3 clients against the same canned
loopback server (its URL is the first argument), no retries, fixed credentials.

Each call's result is checked before it is timed. Prints {"<call>": nanoseconds per call}; best of 3 timeit
repeats of an autoranged count.
"""
import json
import sys
import timeit

import boto3
from botocore.config import Config

BUCKET, KEY, TABLE = "bench-bucket", "bench-key", "bench-table"


def clients(url):
    session = boto3.session.Session(aws_access_key_id="AKIDBENCHEXAMPLE", aws_secret_access_key="bench-secret", region_name="us-east-1")
    config = Config(retries={"mode": "standard", "total_max_attempts": 1}, s3={"addressing_style": "path"})
    return {name: session.client(name, endpoint_url=url, config=config) for name in ("s3", "dynamodb", "sts")}


def calls(c):
    def s3_get_object():
        return c["s3"].get_object(Bucket=BUCKET, Key=KEY)["Body"].read()

    def dynamodb_get_item():
        return c["dynamodb"].get_item(TableName=TABLE, Key={"id": {"S": "k1"}})

    def sts_get_caller_identity():
        return c["sts"].get_caller_identity()

    return {"S3GetObject": s3_get_object, "DynamoDbGetItem": dynamodb_get_item, "StsGetCallerIdentity": sts_get_caller_identity}


def check(fns):
    body = fns["S3GetObject"]()
    assert len(body) == 1024 and body[:3] == b"abc", body[:16]
    assert fns["DynamoDbGetItem"]()["Item"]["name"]["S"] == "bench-value"
    assert fns["StsGetCallerIdentity"]()["Account"] == "123456789012"


def best(fn):
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=3, number=number)) / number * 1e9


def main(url):
    fns = calls(clients(url))
    check(fns)
    print(json.dumps({name: best(fn) for name, fn in fns.items()}))


if __name__ == "__main__":
    main(sys.argv[1])
