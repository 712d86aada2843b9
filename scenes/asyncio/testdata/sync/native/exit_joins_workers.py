import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(d):
    print(f"{time.monotonic():.1f} {threading.current_thread().name} starts {d}")
    time.sleep(d)


def report(f):
    print(f"{time.monotonic():.1f} {threading.current_thread().name} finished")


ex = ThreadPoolExecutor()
for d in [2, 1]:
    ex.submit(job, d).add_done_callback(report)
print(f"{time.monotonic():.1f} main ends")
