"""botocore's side of SigningBenchmarks: SigV4Auth.add_auth on the same DynamoDB PutItem request (JSON body, three
headers, session token), built afresh per call as the .NET rows do. botocore derives the signing key on every call
(it has no key cache), which is part of what it costs.

Prints {"wall": ns per call (best of 5 timeit repeats), "cpu": ns per call (best of 3, time.process_time)}.
"""
import json
import time
import timeit

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CREDS = Credentials("AKIDEXAMPLEBENCH01", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEBYaDHqa0AP1/bench+session+token==")
SIGNER = SigV4Auth(CREDS, "dynamodb", "us-west-2")
BODY = (b'{"TableName":"Music","Item":{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Call Me Today"},'
        b'"AlbumTitle":{"S":"Somewhat Famous"},"Year":{"N":"2015"}}}')
HEADERS = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.PutItem", "User-Agent": "bench/1.0"}


def sign():
    request = AWSRequest(method="POST", url="https://dynamodb.us-west-2.amazonaws.com/", data=BODY, headers=HEADERS)
    SIGNER.add_auth(request)
    return request


def main():
    assert sign().headers["Authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLEBENCH01/")
    n = 5000
    wall = min(timeit.repeat(sign, number=n, repeat=5))
    cpu = min(timeit.repeat(sign, number=n, repeat=3, timer=time.process_time))
    print(json.dumps({"wall": wall / n * 1e9, "cpu": cpu / n * 1e9}))


if __name__ == "__main__":
    main()
