# loop.set_default_executor swaps the pool run_in_executor(None, ...) and
# to_thread use; shutdown_default_executor waits for its workers (a
# thread of its own does the waiting), after which run_in_executor(None)
# refuses new work.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(1)
    return n


async def main():
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=1))
    t0 = loop.time()
    r = await asyncio.gather(loop.run_in_executor(None, job, 1), asyncio.to_thread(job, 2))
    print(r, loop.time() - t0)
    try:
        loop.set_default_executor("pool")
    except TypeError as e:
        print("TypeError:", e)
    await loop.shutdown_default_executor()
    print("shut down at", loop.time())
    try:
        loop.run_in_executor(None, job, 3)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
print("after run", time.monotonic())
