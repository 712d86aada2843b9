# If the body of `async with TaskGroup()` raises, the group cancels its tasks
# and the body's error ends up inside the ExceptionGroup.
import asyncio


async def worker(log):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log.append("worker cancelled by the group")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker(log))
            await asyncio.sleep(0.5)
            raise KeyError("config")
    except Exception as e:
        print(f"{loop.time() - t0:.1f} {type(e).__name__}: {e}")
    print("\n".join(log))


asyncio.run(main())
