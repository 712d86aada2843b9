# A cancelled concurrent future runs its callbacks at once, in the caller;
# submitting to a closed executor is refused.
import time
from concurrent.futures import ThreadPoolExecutor

start = time.monotonic()


def job(name):
    time.sleep(0.5)
    return name


ex = ThreadPoolExecutor(max_workers=1)
busy = ex.submit(job, "busy")
waiting = ex.submit(job, "waiting")
waiting.add_done_callback(lambda f: print("callback: cancelled =", f.cancelled()))
print("cancel:", waiting.cancel())
waiting.add_done_callback(lambda f: print("late callback runs immediately"))
value = busy.result()
print(f"{time.monotonic() - start:.1f} busy ->", value)
ex.shutdown()
try:
    ex.submit(job, "after shutdown")
except RuntimeError as e:
    print("RuntimeError:", e)
