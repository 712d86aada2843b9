# Only a job that has not started yet can be cancelled.
import time
import concurrent.futures

start = time.monotonic()


def task(name):
    time.sleep(1)
    return name


with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    running = ex.submit(task, "first")
    queued = ex.submit(task, "second")
    time.sleep(0.25)
    print("cancel the running job:", running.cancel())
    print("cancel the queued job:", queued.cancel())
    print("queued cancelled():", queued.cancelled(), "done():", queued.done())
    try:
        queued.result()
    except concurrent.futures.CancelledError:
        print("result() of a cancelled job raises CancelledError")
    value = running.result()
    print(f"{time.monotonic() - start:.1f} running job finished anyway: {value}")
