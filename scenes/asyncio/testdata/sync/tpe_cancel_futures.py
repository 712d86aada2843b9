import time
from concurrent.futures import ThreadPoolExecutor, CancelledError


def job(n):
    time.sleep(1)
    print(f"{time.monotonic():.1f} job {n} done")
    return n


ex = ThreadPoolExecutor(max_workers=2)
fs = [ex.submit(job, n) for n in range(6)]
time.sleep(0.5)
ex.shutdown(wait=True, cancel_futures=True)
print(f"{time.monotonic():.1f} shut down")
for f in fs:
    try:
        print(f.result())
    except CancelledError:
        print("cancelled", f.cancelled(), f.done(), f.running())
