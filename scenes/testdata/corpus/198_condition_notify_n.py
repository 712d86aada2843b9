# Condition.notify(n) wakes n waiters, in the order they started waiting.
import asyncio


async def waiter(name, cond, log):
    async with cond:
        await cond.wait()
        log.append(name)


async def main():
    cond = asyncio.Condition()
    log = []
    tasks = [asyncio.create_task(waiter(n, cond, log)) for n in ("w1", "w2", "w3", "w4")]
    await asyncio.sleep(0.5)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0.5)
    print("after notify(2):", log)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("after notify_all():", log)


asyncio.run(main())
