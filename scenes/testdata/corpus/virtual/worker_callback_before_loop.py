# A worker finishing a concurrent future runs its done-callbacks in the
# worker thread before the blocked main thread gets to run.
import time
import concurrent.futures

log = []


def job():
    time.sleep(0.5)
    return 7


with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(job)
    f.add_done_callback(lambda fut: log.append("callback in the worker"))
    value = f.result()
    log.append(f"main got {value}")
print("\n".join(log))
