import time
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(max_workers=2)


def leaf(n):
    time.sleep(0.5)
    return n + 1


def parent(n):
    f = ex.submit(leaf, n)
    print(f"{time.monotonic():.1f} parent waits for leaf {n}")
    return f.result() * 2


fs = [ex.submit(parent, n) for n in (1, 2)]
print("submitted")
time.sleep(0.25)
print(f"{time.monotonic():.2f} main slept")
print([f.result() for f in fs])
ex.shutdown()
print(f"{time.monotonic():.1f} end")
