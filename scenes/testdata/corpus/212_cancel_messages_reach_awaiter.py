# The message given to cancel() reaches the task itself and the future's
# awaiter.
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print(f"inside the task: {e.args}")
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.5, fut.cancel, "future no longer needed")
    try:
        await fut
    except asyncio.CancelledError as e:
        print(f"awaiting the future: {e.args}")
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.5)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting the task: CancelledError; cancelled() =", task.cancelled())


asyncio.run(main())
