# Each worker runs the initializer once when it starts; an initializer
# that raises breaks the pool: queued jobs fail with BrokenThreadPool and
# submit refuses new ones.
import time
from concurrent.futures import ThreadPoolExecutor


def setup(tag):
    print(f"{time.monotonic():.1f} worker setup {tag}")
    time.sleep(0.5)


def job(n):
    time.sleep(1)
    return n * 2


with ThreadPoolExecutor(max_workers=2, initializer=setup, initargs=("ok",)) as ex:
    fs = [ex.submit(job, n) for n in range(3)]
    print([f.result() for f in fs], time.monotonic())


def bad_setup():
    raise ValueError("no database")


ex = ThreadPoolExecutor(max_workers=1, initializer=bad_setup)
f1 = ex.submit(job, 1)
f2 = ex.submit(job, 2)
for f in (f1, f2):
    try:
        f.result()
    except Exception as e:
        print(type(e).__name__, e)
try:
    ex.submit(job, 3)
except Exception as e:
    print(type(e).__name__, e)
