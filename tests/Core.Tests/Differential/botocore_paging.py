"""Runs botocore paginators against a live endpoint (moto) for each JSON job on stdin; one JSON line out per job.

Job:    {"endpoint", "region", "accessKey", "secretKey", "service", "operation", "params", "maxItems", "startingToken"?}
Result: {"items": [primary result key items' "Key"], "token": NextToken or null} or {"error"}.
"""
import json
import sys

import botocore.session

_session = botocore.session.get_session()


def run(job):
    client = _session.create_client(
        job["service"], region_name=job["region"], endpoint_url=job["endpoint"],
        aws_access_key_id=job["accessKey"], aws_secret_access_key=job["secretKey"])
    config = {"MaxItems": job["maxItems"]}
    if job.get("startingToken"):
        config["StartingToken"] = job["startingToken"]
    result = client.get_paginator(botocore.xform_name(job["operation"])).paginate(PaginationConfig=config, **job["params"]).build_full_result()
    return {"items": [item["Key"] for item in result.get("Contents", [])], "token": result.get("NextToken")}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            result = run(json.loads(line))
        except Exception as error:  # reported per job
            result = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
