import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def fetch(what, seconds):
    print(f"{now()}  fetch {what}: waiting {seconds}s")
    await asyncio.sleep(seconds)
    print(f"{now()}  fetch {what}: done")
    return what.upper()


async def ticker():
    for i in range(5):
        print(f"{now()}  ticker: the loop is free, tick {i}")
        await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    tick = asyncio.create_task(ticker())

    # 1. Await a coroutine: main runs it itself, pausing wherever it pauses.
    a = await fetch("menu", 1.5)
    print(f"{now()}  main got {a}")

    # 2. Await a Task: it is already running on its own; await waits for its end.
    task = asyncio.create_task(fetch("prices", 1))
    await asyncio.sleep(0.3)
    print(f"{now()}  main awaits a task that started 0.3s ago")
    b = await task
    print(f"{now()}  main got {b}")

    # 3. Await a Future: an empty box that someone else fills in later.
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "RECEIPT")
    c = await fut
    print(f"{now()}  main got {c}")
    await tick


asyncio.run(main())
