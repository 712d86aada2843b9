# executor.map runs a function over inputs in parallel and yields the
# results in input order.
import time
from concurrent.futures import ThreadPoolExecutor

start = time.monotonic()


def wash(car):
    minutes = {"mini": 0.5, "van": 1.5, "sedan": 1.0}[car]
    time.sleep(minutes)
    return f"{car} clean after {minutes}"


with ThreadPoolExecutor(max_workers=3) as ex:
    for line in ex.map(wash, ["van", "mini", "sedan"]):
        print(f"{time.monotonic() - start:.1f} {line}")
print(f"{time.monotonic() - start:.1f} all cars clean")
