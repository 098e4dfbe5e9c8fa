namespace AwsCore.Tests.Retries;

/// <summary>
/// Drives botocore's own retry classes (retryhandler, retries.standard, retries.adaptive) over scenarios given as JSON,
/// with the same random numbers and clock readings the AwsCore side gets, and prints their decisions.
/// </summary>
internal static class BotocoreRetryHarness
{
    public const string Script = """
        import json, sys, copy
        from botocore import retryhandler, translate, loaders
        from botocore.retries import standard, quota, adaptive, bucket, throttling
        from botocore.exceptions import (EndpointConnectionError, ConnectTimeoutError, ReadTimeoutError, HTTPClientError)

        req = json.load(sys.stdin)
        randoms = req['randoms']
        pos = [0]
        def fake_random():
            v = randoms[pos[0] % len(randoms)]
            pos[0] += 1
            return v
        retryhandler.random.random = fake_random

        class Http:
            def __init__(self, status, crc):
                self.status_code = status
                self.headers = {'x-amz-crc32': '1'} if crc else {}
                self.content = b'body'
        def exc(kind):
            return {'Connection': EndpointConnectionError(endpoint_url='http://x'),
                    'ConnectTimeout': ConnectTimeoutError(endpoint_url='http://x'),
                    'ReadTimeout': ReadTimeoutError(endpoint_url='http://x'),
                    'OtherHttpClientError': HTTPClientError(error='boom')}.get(kind)
        def response(a):
            if a.get('transport', 'None') != 'None':
                return None
            parsed = {'ResponseMetadata': {}}
            if a.get('code'):
                parsed['Error'] = {'Code': a['code']}
            return (Http(a['status'], a.get('crc')), parsed)
        class Svc:
            def __init__(self, name): self.service_name = name
        class Op:
            def __init__(self, name): self.service_model = Svc(name); self.error_shapes = []; self.name = 'Op'

        retry_data = loaders.create_loader().load_data('_retry')
        out = {}

        legacy = []
        for case in req['legacy']:
            data = copy.deepcopy(retry_data)
            config = translate.build_retry_config(case['service'], data['retry'], data['definitions'],
                {'max_attempts': case['max'] - 1} if case.get('max') else None)
            handler = retryhandler.create_retry_handler(config, case['service'])
            a = case['attempt']
            try:
                r = handler(attempts=a['n'], response=response(a), caught_exception=exc(a.get('transport')),
                            request_dict={'context': {}})
            except Exception:
                r = None
            legacy.append(r)
        out['legacy'] = legacy

        std = []
        for case in req['standard']:
            q = quota.RetryQuota()
            checker = standard.RetryQuotaChecker(q)
            handler = standard.RetryHandler(
                retry_policy=standard.RetryPolicy(
                    retry_checker=standard.StandardRetryConditions(max_attempts=case['max']),
                    retry_backoff=standard.ExponentialBackoff(random=fake_random)),
                retry_event_adapter=standard.RetryEventAdapter(), retry_quota=checker)
            results = []
            for request in case['requests']:
                context = {}
                for a in request:
                    resp = response(a)
                    d = handler.needs_retry(response=resp, attempts=a['n'], caught_exception=exc(a.get('transport')),
                                            request_dict={'context': context}, operation=Op(case['service']))
                    if d is None and resp is not None and 200 <= a['status'] < 300 and not a.get('code'):
                        checker.release_retry_quota(context, resp[0])
                    results.append([d, q.available_capacity])
                    if d is None:
                        break
            std.append(results)
        out['standard'] = std

        class Clock:
            def __init__(self): self.t = 0.0
            def current_time(self): return self.t
        ad = []
        for case in req['adaptive']:
            clock = Clock()
            clock.t = case['start']
            limiter = adaptive.ClientRateLimiter(
                rate_adjustor=throttling.CubicCalculator(starting_max_rate=0, start_time=clock.current_time()),
                rate_clocker=adaptive.RateClocker(clock),
                token_bucket=bucket.TokenBucket(max_rate=1, clock=clock),
                throttling_detector=standard.ThrottlingErrorDetector(standard.RetryEventAdapter()),
                clock=clock)
            rows = []
            for t, code in case['events']:
                clock.t = t
                parsed = {'ResponseMetadata': {}}
                if code: parsed['Error'] = {'Code': code}
                limiter.on_receiving_response(response=(Http(400 if code else 200, False), parsed), attempts=1,
                    caught_exception=None, request_dict={'context': {}}, operation=Op('dynamodb'))
                rows.append([limiter._token_bucket.max_rate, limiter._rate_clocker.measured_rate, limiter._enabled,
                             limiter._token_bucket.available_capacity])
            ad.append(rows)
        out['adaptive'] = ad
        json.dump(out, sys.stdout)
        """;
}
