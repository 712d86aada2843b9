# A worker thread waits for a future that only the main thread could set,
# while the main thread waits for the worker: deadlock between threads.
import time
import concurrent.futures

go = concurrent.futures.Future()


def worker():
    time.sleep(0.5)
    print("worker waits for the go signal")
    return go.result()


with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    job = ex.submit(worker)
    print("main waits for the worker")
    print(job.result())
