# A task's result stays available: awaiting a finished task returns at once.
import asyncio


async def expensive():
    print("  computing...")
    await asyncio.sleep(1)
    return 299792458


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    task = asyncio.create_task(expensive())
    first = await task
    print(f"{loop.time() - t0:.1f} first await: {first:,}")
    second = await task
    print(f"{loop.time() - t0:.1f} second await: {second:,} (no extra wait)")
    both = [await task for _ in range(3)]
    print("three more:", len(set(both)), "distinct value")


asyncio.run(main())
