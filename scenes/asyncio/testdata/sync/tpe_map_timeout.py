import time
from concurrent.futures import ThreadPoolExecutor

start = time.monotonic()


def slow(n):
    time.sleep(n)
    return n * 10


with ThreadPoolExecutor(max_workers=1) as ex:
    results = ex.map(slow, [1, 2, 3], timeout=2.5)
    try:
        for r in results:
            print(f"{time.monotonic() - start:.1f} got {r}")
    except TimeoutError:
        print(f"{time.monotonic() - start:.1f} map timed out")
print(f"{time.monotonic() - start:.1f} pool closed")
