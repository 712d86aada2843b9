# Three tasks yielding with sleep(0) run in the order they became ready,
# one step each per loop iteration.
import asyncio


async def worker(name, steps, log):
    for i in range(steps):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)


async def main():
    log = []
    tasks = [
        asyncio.create_task(worker("a", 3, log)),
        asyncio.create_task(worker("b", 1, log)),
        asyncio.create_task(worker("c", 2, log)),
    ]
    log.append("main")
    await asyncio.sleep(0)
    log.append("main again")
    for t in tasks:
        await t
    print(" ".join(log))


asyncio.run(main())
