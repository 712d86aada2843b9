import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def fetch(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(f"{name} is down")
    print(f"{now()}  fetched {name}")
    return name


async def main():
    # 1. An error inside a task is stored in the task, not raised in main.
    task = asyncio.create_task(fetch("weather", 0.5, fail=True))
    await asyncio.sleep(1)
    print(f"{now()}  the task failed at 0.5s; done? {task.done()}, main saw nothing")
    try:
        await task  # awaiting a failed task raises its exception here
    except ValueError as e:
        print(f"{now()}  await raised {e!r}")

    # 2. gather passes on the first error; the other awaitables keep running.
    try:
        await asyncio.gather(fetch("news", 0.3), fetch("maps", 0.6, fail=True), fetch("mail", 0.9))
    except ValueError as e:
        print(f"{now()}  gather raised {e!r}, mail is still on its way")
    await asyncio.sleep(0.5)

    # 3. return_exceptions=True: errors come back as values, in argument order.
    results = await asyncio.gather(
        fetch("news", 0.3), fetch("maps", 0.6, fail=True), return_exceptions=True
    )
    print(f"{now()}  gather returned {results}")


asyncio.run(main())
