import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(d):
    print(f"{time.monotonic():.1f} {threading.current_thread().name} starts {d}")
    time.sleep(d)


async def tick():
    await asyncio.sleep(0.5)
    print(f"{time.monotonic():.1f} tick (due at 0.5)")


async def main():
    t = asyncio.create_task(tick())
    await asyncio.sleep(0)
    time.sleep(1)  # stalls the loop: tick runs late
    print(f"{time.monotonic():.1f} slept")
    await t
    ex = ThreadPoolExecutor(1, thread_name_prefix="pool")
    cf = ex.submit(job, 2)
    t = asyncio.create_task(tick())
    await asyncio.sleep(0)
    print(f"{time.monotonic():.1f} result {cf.result()}")  # blocks the loop
    try:
        ex.submit(job, 5).result(timeout=1)
    except TimeoutError:
        print(f"{time.monotonic():.1f} TimeoutError")
    await t
    ex.shutdown(wait=True)
    print(f"{time.monotonic():.1f} end")


asyncio.run(main())
