import asyncio
import threading
import time


def job(d):
    print(f"{time.monotonic():.1f} {threading.current_thread().name} starts {d}")
    time.sleep(d)


async def ticker():
    for i in range(3):
        await asyncio.sleep(1)
        print(f"{time.monotonic():.1f} tick {i}")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    futs = [loop.run_in_executor(None, job, d) for d in [2, 1, 3, 1, 1, 1, 1, 1, 1, 2]]
    await asyncio.gather(*futs)
    print(f"{time.monotonic():.1f} gathered")
    await t
    await asyncio.to_thread(job, 0.5)
    print(f"{time.monotonic():.1f} to_thread done")


asyncio.run(main())
print(f"{time.monotonic():.1f} after run")
