# Three "workers" that wait 1 s each: with asyncio.sleep they overlap, with
# time.sleep they queue up behind each other.
import asyncio
import time


async def polite(i):
    await asyncio.sleep(1)


async def rude(i):
    time.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(*[polite(i) for i in range(3)])
    print(f"asyncio.sleep x3 took {loop.time() - t0:.1f}s")
    t1 = loop.time()
    await asyncio.gather(*[rude(i) for i in range(3)])
    print(f"time.sleep x3 took {loop.time() - t1:.1f}s")


asyncio.run(main())
