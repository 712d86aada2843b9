# CancelledError is a BaseException, so `except Exception` does not catch it.
import asyncio


async def careless():
    try:
        await asyncio.sleep(5)
    except Exception:
        print("never: Exception does not include CancelledError")
    return "done"


async def main():
    print("CancelledError is an Exception:", isinstance(asyncio.CancelledError(), Exception))
    print("CancelledError is a BaseException:", isinstance(asyncio.CancelledError(), BaseException))
    task = asyncio.create_task(careless())
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("the cancellation went straight through")


asyncio.run(main())
