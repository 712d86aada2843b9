# executor.map yields results in order; an error surfaces when iteration
# reaches the failing item, after the earlier results.
import time
from concurrent.futures import ThreadPoolExecutor

start = time.monotonic()


def invert(x):
    time.sleep(0.25 * x if x else 0.6)
    return 1 / x


with ThreadPoolExecutor(max_workers=3) as ex:
    results = ex.map(invert, [2, 4, 0, 1])
    try:
        for r in results:
            print(f"{time.monotonic() - start:.2f} got {r}")
    except ZeroDivisionError as e:
        print(f"{time.monotonic() - start:.2f} map raised: {e}")
print(f"{time.monotonic() - start:.2f} done")
