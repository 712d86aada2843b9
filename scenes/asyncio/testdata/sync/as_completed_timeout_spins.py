# as_completed(timeout=2) whose timeout is reached exactly: CPython then
# calls event.wait(0), which lets no virtual time pass, and spins for ever
# (tools/vclock stops it on its budget; so does the engine).
import time
import concurrent.futures as cf

ex = cf.ThreadPoolExecutor(2)
fs = [ex.submit(time.sleep, 1), ex.submit(time.sleep, 3)]
try:
    for f in cf.as_completed(fs, timeout=2):
        print(time.monotonic(), "completed")
except TimeoutError as e:
    print(time.monotonic(), "TimeoutError:", e)
