import asyncio


async def waiter(name, cond):
    async with cond:
        try:
            await cond.wait()
            print(name, "notified")
        except asyncio.CancelledError:
            print(name, "cancelled; holds the lock again:", cond.locked())
            raise


async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter("a", cond))
    b = asyncio.create_task(waiter("b", cond))
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        a.cancel()  # a was notified, then cancelled before it ran
    r = await asyncio.gather(a, b, return_exceptions=True)
    print([type(x).__name__ for x in r])


async def run():
    try:
        await asyncio.wait_for(main(), 1)
    except asyncio.TimeoutError:
        print("b was never notified")


asyncio.run(run())
