import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(1)
    print(f"{time.monotonic():.1f} job {n} finished")
    return n


async def main():
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=1)
    running = loop.run_in_executor(pool, job, 1)
    queued = loop.run_in_executor(pool, job, 2)
    try:
        await asyncio.wait_for(running, 0.5)
    except asyncio.TimeoutError:
        print(f"{loop.time():.1f} wait_for gave up; cancelled:", running.cancelled())
    queued.cancel()
    await asyncio.sleep(2)
    print(f"{loop.time():.1f} queued cancelled:", queued.cancelled())
    pool.shutdown()
    print(f"{loop.time():.1f} end")


asyncio.run(main())
