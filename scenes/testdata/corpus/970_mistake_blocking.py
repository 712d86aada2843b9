# Blocking calls on the event loop's thread: time.sleep in a coroutine, in
# a plain function a coroutine calls, and in a callback. time.sleep(0)
# holds nothing up and is no mistake; time.sleep in a worker thread is
# where blocking work belongs.
import asyncio
import time


def slow_resize():
    time.sleep(0.3)  # mistake: blocking
    return "resized"


def on_timer():
    print("callback: start", round(time.monotonic(), 1))
    time.sleep(0.2)  # mistake: blocking
    print("callback: done", round(time.monotonic(), 1))


async def ticker():
    for i in range(4):
        print("tick", i, round(time.monotonic(), 1))
        await asyncio.sleep(0.25)


async def main():
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(0.5)  # mistake: blocking
    print("main: slept", round(time.monotonic(), 1))
    print(slow_resize())
    time.sleep(0)
    asyncio.get_running_loop().call_later(0.1, on_timer)
    print(await asyncio.to_thread(slow_resize))
    await tick


asyncio.run(main())
