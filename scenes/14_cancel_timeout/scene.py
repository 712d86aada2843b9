import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def download(name, seconds):
    print(f"{now()}  {name}: start, needs {seconds}s")
    try:
        await asyncio.sleep(seconds)
        print(f"{now()}  {name}: finished")
        return name.upper()
    except asyncio.CancelledError:
        print(f"{now()}  {name}: CancelledError arrived at the await")
        raise  # let it through: the task ends as cancelled
    finally:
        print(f"{now()}  {name}: finally: temp file removed")


async def main():
    task = asyncio.create_task(download("video", 5))
    await asyncio.sleep(1)
    task.cancel()  # a request: delivered at the task's next resume
    try:
        await task
    except asyncio.CancelledError:
        print(f"{now()}  main: video cancelled? {task.cancelled()}")

    try:
        await asyncio.wait_for(download("photo", 3), timeout=1.5)
    except TimeoutError:
        print(f"{now()}  main: wait_for gave up after 1.5s")

    try:
        async with asyncio.timeout(1):
            await download("song", 2)
    except TimeoutError:
        print(f"{now()}  main: the timeout block expired after 1s")

    backup = asyncio.create_task(download("backup", 2))
    try:
        async with asyncio.timeout(0.5):
            await asyncio.shield(backup)  # the timeout cancels the shield, not backup
    except TimeoutError:
        print(f"{now()}  main: stopped waiting; the shield kept backup running")
    result = await backup
    print(f"{now()}  main: backup finished anyway: {result!r}")


asyncio.run(main())
