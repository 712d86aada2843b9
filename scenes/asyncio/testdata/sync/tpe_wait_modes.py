import time
import concurrent.futures as cf


def job(name, d, fail=False):
    time.sleep(d)
    if fail:
        raise ValueError(name)
    return name


ex = cf.ThreadPoolExecutor(max_workers=3)
fs = [ex.submit(job, "a", 1), ex.submit(job, "b", 2, True), ex.submit(job, "c", 3)]
done, pending = cf.wait(fs, return_when=cf.FIRST_COMPLETED)
print(time.monotonic(), "first:", sorted([f.result() for f in done]), len(pending))
r = cf.wait(fs, return_when=cf.FIRST_EXCEPTION)
print(time.monotonic(), "first exception:", len(r.done), len(r.not_done))
r = cf.wait(fs, timeout=0.5)
print(time.monotonic(), "timeout:", len(r.done), len(r.not_done))
r = cf.wait(fs)
print(time.monotonic(), "all:", len(r.done), len(r.not_done))
print([f.exception() for f in fs])
ex.shutdown()
