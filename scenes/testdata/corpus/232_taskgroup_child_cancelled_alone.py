# A TaskGroup child cancelled from outside is not an error for the group:
# the other children carry on and the block exits normally.
import asyncio


async def job(name, seconds, log):
    try:
        await asyncio.sleep(seconds)
        log.append(f"{name} finished")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    log = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("a", 1, log))
        b = tg.create_task(job("b", 2, log))
        loop.call_later(0.5, b.cancel)
    print(f"{loop.time() - t0:.1f} group exited normally")
    print("\n".join(log))


asyncio.run(main())
