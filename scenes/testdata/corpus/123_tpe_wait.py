# concurrent.futures.wait with FIRST_COMPLETED, a timeout, and ALL_COMPLETED.
import time
import concurrent.futures
from concurrent.futures import FIRST_COMPLETED, ALL_COMPLETED

start = time.monotonic()


def job(seconds):
    time.sleep(seconds)
    return seconds


with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(job, s) for s in (1.5, 0.5, 2.5)]
    done, not_done = concurrent.futures.wait(fs, return_when=FIRST_COMPLETED)
    print(f"{time.monotonic() - start:.2f} first completed: {[f.result() for f in done]}, {len(not_done)} left")
    done, not_done = concurrent.futures.wait(fs, timeout=1.25)
    print(f"{time.monotonic() - start:.2f} after timeout: {sorted(f.result() for f in done)}, {len(not_done)} left")
    done, not_done = concurrent.futures.wait(fs, return_when=ALL_COMPLETED)
    print(f"{time.monotonic() - start:.2f} all: {sorted(f.result() for f in done)}, {len(not_done)} left")
