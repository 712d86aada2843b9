# A task added to the group while it is already waiting at the block's end
# is still awaited before the block exits.
import asyncio


async def spawner(tg, log):
    await asyncio.sleep(0.5)
    log.append("spawner adds a late task")
    tg.create_task(late(log))


async def late(log):
    await asyncio.sleep(1)
    log.append("late task done")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    log = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, log))
        log.append("body ends, group starts waiting")
    print(f"{loop.time() - t0:.1f} group exited")
    for line in log:
        print("  " + line)


asyncio.run(main())
