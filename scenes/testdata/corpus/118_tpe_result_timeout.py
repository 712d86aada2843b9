# future.result(timeout) gives up after the timeout with TimeoutError;
# the job itself keeps running.
import time
import concurrent.futures

start = time.monotonic()


def slow_answer():
    time.sleep(2)
    return 42


with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    fut = ex.submit(slow_answer)
    try:
        fut.result(timeout=0.5)
    except TimeoutError:
        print(f"{time.monotonic() - start:.1f} no answer within 0.5s")
    print("still running:", fut.running(), "done:", fut.done())
    answer = fut.result(timeout=5)
    print(f"{time.monotonic() - start:.1f} waited for real:", answer)
print("concurrent.futures.TimeoutError is TimeoutError:", concurrent.futures.TimeoutError is TimeoutError)
