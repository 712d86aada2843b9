# Waiting on a concurrent future's result() inside a coroutine blocks the
# loop, just like time.sleep; awaiting wrap-style with run_in_executor does not.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def slow():
    time.sleep(1)
    return "slow value"


async def ticker(loop, t0):
    for _ in range(3):
        print(f"{loop.time() - t0:.1f} tick")
        await asyncio.sleep(0.4)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    with ThreadPoolExecutor(max_workers=1) as pool:
        t = asyncio.create_task(ticker(loop, t0))
        await asyncio.sleep(0.1)
        value = pool.submit(slow).result()
        print(f"{loop.time() - t0:.1f} {value} (the ticker was stuck)")
        await t


asyncio.run(main())
