import time
from concurrent.futures import ThreadPoolExecutor

def job(n):
    time.sleep(n)
    return n * 10

with ThreadPoolExecutor(max_workers=3) as ex:
    for i, r in enumerate(ex.map(job, [2, 1])):
        print(i, r, time.monotonic())
    a, b = ex.map(job, [1, 2])
    print(a, b, time.monotonic())
    print(list(zip("ab", ex.map(job, [1, 1]))), time.monotonic())
    print(max(ex.map(job, [1, 3])), time.monotonic())
