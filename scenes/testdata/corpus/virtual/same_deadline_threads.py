# Threads whose sleeps end at the same instant run in the order they went
# to sleep, whatever order they were created in.
import time
import concurrent.futures


def nap(name, first):
    time.sleep(first)
    time.sleep(1 - first)
    print(name, "wakes at", time.monotonic())


with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    ex.submit(nap, "a", 0.5)
    ex.submit(nap, "b", 0.75)
    ex.submit(nap, "c", 0.0)
    ex.submit(nap, "d", 0.25)
