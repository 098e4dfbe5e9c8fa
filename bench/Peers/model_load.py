"""botocore's side of ModelLoadBenchmarks: session.get_service_model(name) and every operation's input shape.

cold: a fresh Session (and so a fresh Loader with an empty cache) for every load.
warm: one Session whose Loader already holds the parsed JSON; get_service_model still builds a new ServiceModel.
session: the cost of Session() alone, so the cold figure can be read with or without it.
Prints {"<Method>/<service>": nanoseconds per call}; best of 3 timeit repeats of an autoranged count.
"""
import json
import sys
import timeit

import botocore.session


def touch(session, service):
    model = session.get_service_model(service)
    count = 0
    for name in model.operation_names:
        if model.operation_model(name).input_shape is not None:
            count += 1
    return count


def best(fn):
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=3, number=number)) / number * 1e9


def main(services):
    out = {"Session": best(botocore.session.Session)}
    for service in services:
        out["Cold/" + service] = best(lambda: touch(botocore.session.Session(), service))
        warm = botocore.session.Session()
        touch(warm, service)
        out["Warm/" + service] = best(lambda: touch(warm, service))
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
