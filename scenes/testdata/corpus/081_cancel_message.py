# cancel(msg) attaches a message that the task sees in its CancelledError.
import asyncio


async def download():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"  download cancelled with message {str(e)!r}")
        raise


async def main():
    task = asyncio.create_task(download())
    await asyncio.sleep(1)
    task.cancel("user pressed stop")
    try:
        await task
    except asyncio.CancelledError:
        print("main: the download task is cancelled:", task.cancelled())


asyncio.run(main())
