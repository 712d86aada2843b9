# At exit, Python waits for executor worker threads: the job submitted to
# an executor that was never shut down still finishes and prints.
import time
import concurrent.futures

start = time.monotonic()


def background_report():
    time.sleep(1.5)
    print(f"{time.monotonic() - start:.1f} report written by the worker")


pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
pool.submit(background_report)
print(f"{time.monotonic() - start:.1f} main script reached its last line")
