# Cancelling a gather cancels every child that is still running.
import asyncio


async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    group = asyncio.gather(worker("w1", 0.5), worker("w2", 2), worker("w3", 3))
    await asyncio.sleep(1)
    print(f"{loop.time() - t0:.1f} cancelling the gather")
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print(f"{loop.time() - t0:.1f} awaiting the gather raised CancelledError")
    print("gather cancelled():", group.cancelled())


asyncio.run(main())
