# run_in_executor moves a blocking function to a worker thread; the loop
# stays free, so the heartbeat keeps its rhythm.
import asyncio
import time


def resize_photo(name):
    time.sleep(1.2)  # blocking work, e.g. an old image library
    return f"{name} resized"


async def heartbeat(loop, t0, beats):
    for _ in range(beats):
        print(f"{loop.time() - t0:.1f} heartbeat")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    beat = asyncio.create_task(heartbeat(loop, t0, 4))
    result = await loop.run_in_executor(None, resize_photo, "cat.jpg")
    print(f"{loop.time() - t0:.1f} {result}")
    await beat


asyncio.run(main())
