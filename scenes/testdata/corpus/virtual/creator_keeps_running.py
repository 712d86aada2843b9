# Submitting jobs does not run them: the submitting thread keeps going
# until it blocks, then the workers run in the order they were created.
import time
import concurrent.futures

ex = concurrent.futures.ThreadPoolExecutor(max_workers=3)
jobs = [ex.submit(print, "job", i, "runs") for i in range(3)]
print("main submitted three jobs")
time.sleep(0)
print("main runs again after the workers had their turn")
concurrent.futures.wait(jobs)
ex.shutdown()
