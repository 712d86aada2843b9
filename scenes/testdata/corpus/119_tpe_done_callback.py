# A concurrent future's done-callback runs in the worker thread that
# finished the job, or at once in the caller if the future is already done.
import time
import concurrent.futures

start = time.monotonic()


def report(fut):
    print(f"{time.monotonic() - start:.1f} callback: {fut.result()}")


def brew(kind, seconds):
    time.sleep(seconds)
    return f"{kind} brewed"


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    tea = ex.submit(brew, "tea", 1)
    tea.add_done_callback(report)
    print(f"{time.monotonic() - start:.1f} callback registered, tea not ready")
    time.sleep(1.5)
    print(f"{time.monotonic() - start:.1f} adding a callback to the finished future:")
    tea.add_done_callback(report)
    print(f"{time.monotonic() - start:.1f} ...it already ran")
