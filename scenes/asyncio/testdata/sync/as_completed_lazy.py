# as_completed is a generator: its clock and its snapshot of the futures
# already done start at the first next(), not at the call. (An expiring
# timeout spins in CPython, see as_completed_timeout_spins.py, so this
# one does not expire.)
import time
import concurrent.futures as cf


def job(name, d):
    time.sleep(d)
    return name


ex = cf.ThreadPoolExecutor(3)
fs = [ex.submit(job, "slow", 3), ex.submit(job, "fast", 0.5), ex.submit(job, "mid", 2)]
it = cf.as_completed(fs, timeout=2.5)
time.sleep(1.2)
for f in it:
    print(f"{time.monotonic():.1f} {f.result()}")
names = []
for f in cf.as_completed(fs, timeout=-1):
    names.append(f.result())
print("all done already:", sorted(names))
late = ex.submit(job, "late", 1)
try:
    for f in cf.as_completed([fs[0], late], timeout=-1):
        print("yielded", f.result())
except TimeoutError as e:
    print(f"{time.monotonic():.1f} TimeoutError: {e}")
ex.shutdown()
print(f"{time.monotonic():.1f} end")
