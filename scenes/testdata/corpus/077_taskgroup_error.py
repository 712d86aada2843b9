# When one task in a TaskGroup fails, the group cancels the others and
# raises an ExceptionGroup when the block ends.
import asyncio


async def worker(name, seconds, log, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} hit a bad record")
        log.append(f"{name} finished")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("quick", 0.5, log))
            tg.create_task(worker("faulty", 1, log, fail=True))
            tg.create_task(worker("slow-a", 3, log))
            tg.create_task(worker("slow-b", 4, log))
    except Exception as e:
        print(f"{loop.time() - t0:.1f} {type(e).__name__}: {e}")
    for line in sorted(log):
        print("  " + line)


asyncio.run(main())
