import time
from concurrent.futures import ThreadPoolExecutor, Future


def bad(f):
    print("bad callback runs")
    raise RuntimeError("ignored, logged")


def good(f):
    print("good callback sees", f.result())


with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(time.sleep, 0.5)
    f.add_done_callback(bad)
    f.add_done_callback(good)
print("done", time.monotonic())
f.add_done_callback(good)  # already done: runs now, here
g = Future()
g.set_result(42)
print(g.result(), g.done(), g.running())
try:
    g.set_result(43)
except Exception as e:
    print(type(e).__name__)
