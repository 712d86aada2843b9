# A loop timer and a worker both due at 1.0: the loop blocked in select
# first, so it wakes first and runs the timer; the worker's result reaches
# the loop on a later iteration.
import asyncio
import time


def worker():
    time.sleep(1)
    print("worker done at", time.monotonic())
    return "result"


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, print, "timer at", 1.0)
    r = await loop.run_in_executor(None, worker)
    print("main got", r, "at", loop.time())


asyncio.run(main())
