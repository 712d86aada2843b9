# A job that raises: the future stores the exception; result() re-raises it.
import time
import concurrent.futures


def divide(a, b):
    time.sleep(0.5)
    return a / b


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    ok = ex.submit(divide, 10, 4)
    bad = ex.submit(divide, 1, 0)
    print("ok result:", ok.result())
    err = bad.exception()
    print("bad exception():", type(err).__name__, "-", err)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("result() re-raised:", repr(e))
    print("ok.exception():", ok.exception())
