import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(d):
    print(f"{time.monotonic():.1f} {threading.current_thread().name} starts {d}")
    time.sleep(d)


def report(f):
    print(f"{time.monotonic():.1f} {threading.current_thread().name} finished")


async def main():
    ex = ThreadPoolExecutor(max_workers=2)
    futs = []
    for d in [3, 1, 1, 2]:
        cf = ex.submit(job, d)
        cf.add_done_callback(report)
        futs.append(asyncio.wrap_future(cf))
    print(f"{time.monotonic():.1f} submitted")
    await asyncio.gather(*futs)
    print(f"{time.monotonic():.1f} gathered")
    ex.shutdown(wait=True)
    print(f"{time.monotonic():.1f} shut down")


asyncio.run(main())
print(f"{time.monotonic():.1f} after run")
