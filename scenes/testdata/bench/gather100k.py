# The engine's speed bar: 100,000 tasks gathered, each yielding three times
# and then sleeping 10 ms of (virtual) time.
import asyncio


async def worker(i):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0.01)
    return i


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(worker(i) for i in range(100_000)))
    print(len(results), sum(results))
    print(f"done at {loop.time():.2f}")


asyncio.run(main())
