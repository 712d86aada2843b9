# Ten blocking calls through to_thread with a bounded pool of helpers:
# a Semaphore keeps at most three in flight.
import asyncio
import time


def lookup(n):
    time.sleep(0.5)
    return n * 11


async def limited(n, sem):
    async with sem:
        return await asyncio.to_thread(lookup, n)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    sem = asyncio.Semaphore(3)
    results = await asyncio.gather(*[limited(n, sem) for n in range(10)])
    print(results)
    print(f"took {loop.time() - t0:.1f}s (4 rounds of 0.5s)")


asyncio.run(main())
