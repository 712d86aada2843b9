# Cancelling a future: it becomes done and cancelled, and whoever awaits
# it gets CancelledError.
import asyncio


async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        print("waiter: the future was cancelled")
        return "gave up"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    w = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0.5)
    print("cancel() returns", fut.cancel())
    print("done:", fut.done(), "cancelled:", fut.cancelled())
    print("waiter returned", repr(await w))
    print("cancel() again returns", fut.cancel())
    try:
        fut.result()
    except asyncio.CancelledError:
        print("result() of a cancelled future raises CancelledError")
    finished = loop.create_future()
    finished.set_result(1)
    print("cancel() of a finished future returns", finished.cancel())


asyncio.run(main())
