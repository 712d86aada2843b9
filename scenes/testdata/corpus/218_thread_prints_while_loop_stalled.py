# While the loop thread is stuck in time.sleep, a worker thread keeps
# working and printing on its own schedule.
import asyncio
import time

start = time.monotonic()


def worker():
    for i in range(3):
        time.sleep(0.4)
        print(f"{time.monotonic() - start:.1f} worker step {i}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, worker)
    await asyncio.sleep(0.1)
    print(f"{time.monotonic() - start:.1f} loop blocks for 1 s")
    time.sleep(1)
    print(f"{time.monotonic() - start:.1f} loop is back")
    await fut
    print(f"{time.monotonic() - start:.1f} worker joined")


asyncio.run(main())
