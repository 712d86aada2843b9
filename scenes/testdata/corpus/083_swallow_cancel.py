# A task may catch CancelledError and return normally; then it is NOT
# cancelled: it finished with a result.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  stubborn: ignoring the cancel, saving partial work")
        await asyncio.sleep(0.5)
        return "partial result"
    return "full result"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    task.cancel()
    result = await task
    print(f"{loop.time() - t0:.1f} result: {result!r}")
    print("cancelled():", task.cancelled(), "done():", task.done())


asyncio.run(main())
