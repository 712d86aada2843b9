# concurrent.futures.wait(FIRST_EXCEPTION) returns as soon as a job fails.
import time
import concurrent.futures
from concurrent.futures import FIRST_EXCEPTION

start = time.monotonic()


def step(name, seconds, fail=False):
    time.sleep(seconds)
    if fail:
        raise RuntimeError(f"{name} crashed")
    return name


with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(step, "fetch", 0.5), ex.submit(step, "parse", 1.0, True), ex.submit(step, "store", 2.0)]
    done, not_done = concurrent.futures.wait(fs, return_when=FIRST_EXCEPTION)
    print(f"{time.monotonic() - start:.1f} done {len(done)}, not done {len(not_done)}")
    for f in fs:
        if f in done:
            err = f.exception()
            print("  ", "failed:" if err else "ok:", err if err else f.result())
print(f"{time.monotonic() - start:.1f} the with-block still waited for store")
