# A worker thread and the event loop both wait at once: the loop sleeps
# with asyncio.sleep while the worker sleeps with time.sleep.
import asyncio
import time


def worker(log, t0):
    for i in range(3):
        time.sleep(0.5)
        log.append(f"{time.monotonic() - t0:.1f} worker step {i}")
    return "worker finished"


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    log = []
    fut = loop.run_in_executor(None, worker, log, t0)
    for i in range(3):
        await asyncio.sleep(0.7)
        log.append(f"{time.monotonic() - t0:.1f} loop step {i}")
    log.append(await fut)
    print("\n".join(log))


asyncio.run(main())
