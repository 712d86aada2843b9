# Condition.wait_for(predicate) re-checks the predicate after every notify.
import asyncio


async def watcher(cond, level, loop, t0):
    async with cond:
        await cond.wait_for(lambda: level[0] >= 3)
        print(f"{loop.time() - t0:.1f} watcher: level reached {level[0]}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    cond = asyncio.Condition()
    level = [0]
    w = asyncio.create_task(watcher(cond, level, loop, t0))
    for _ in range(4):
        await asyncio.sleep(0.5)
        async with cond:
            level[0] += 1
            print(f"{loop.time() - t0:.1f} level is {level[0]}, notifying")
            cond.notify_all()
    await w


asyncio.run(main())
