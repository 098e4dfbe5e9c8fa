"""Builds botocore's signed request for each JSON line on stdin and writes it as one JSON line on stdout.

Input line:  {"id", "service", "region", "operation", "params", "accessKey", "secretKey", "sessionToken"?,
              "time": "YYYY-MM-DDTHH:MM:SSZ", "addressingStyle"?}
Output line: {"id", "method", "url", "headers": {name: value}, "body": base64} or {"id", "error"}.
Nothing is sent: a before-send handler captures the prepared request and stops the call.
"""
import base64
import datetime
import json
import sys

import botocore.auth
import botocore.session
from botocore.config import Config

_frozen = {"now": None}


def _fixed_now(remove_tzinfo=True):
    now = _frozen["now"]
    return now.replace(tzinfo=None) if remove_tzinfo else now


botocore.auth.get_current_datetime = _fixed_now


class Captured(Exception):
    def __init__(self, request):
        super().__init__("captured")
        self.request = request


def _capture(request, **kwargs):
    raise Captured(request)


_session = botocore.session.get_session()


def build(case):
    _frozen["now"] = datetime.datetime.strptime(case["time"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    config = Config(retries={"max_attempts": 0}, s3={"addressing_style": case["addressingStyle"]} if case.get("addressingStyle") else None)
    client = _session.create_client(
        case["service"], region_name=case["region"], aws_access_key_id=case["accessKey"],
        aws_secret_access_key=case["secretKey"], aws_session_token=case.get("sessionToken"), config=config)
    client.meta.events.register("before-send", _capture)
    method = getattr(client, botocore.xform_name(case["operation"]))
    try:
        method(**case["params"])
    except Captured as captured:
        request = captured.request
        body = request.body
        if body is None:
            body = b""
        elif hasattr(body, "read"):
            body = body.read()
        elif isinstance(body, str):
            body = body.encode("utf-8")
        return {
            "id": case["id"],
            "method": request.method,
            "url": request.url,
            "headers": {k: (v.decode("utf-8") if isinstance(v, bytes) else v) for k, v in request.headers.items()},
            "body": base64.b64encode(bytes(body)).decode("ascii"),
        }
    raise RuntimeError("the call finished without reaching before-send")


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        try:
            result = build(case)
        except Exception as error:  # reported per case so one bad case does not hide the others
            result = {"id": case.get("id"), "error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
