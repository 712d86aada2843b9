import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def job(n):
    time.sleep(n)
    return n * 10


with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(job, [3, 1, 2])), time.monotonic())
    fs = [ex.submit(job, n) for n in (2, 1)]
    print(sorted([f.result() for f in as_completed(fs)]), time.monotonic())
    print(sum(ex.map(job, [1, 1])), time.monotonic())
