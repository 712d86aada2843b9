import asyncio


async def job(name, sem, d):
    try:
        async with sem:
            print(name, "in at", asyncio.get_running_loop().time())
            await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    sem = asyncio.Semaphore(1)
    a = asyncio.create_task(job("a", sem, 1))
    b = asyncio.create_task(job("b", sem, 1))
    c = asyncio.create_task(job("c", sem, 1))
    await asyncio.sleep(1)  # a releases at 1: b is handed the unit
    b.cancel()  # b is cancelled before it runs: the unit goes to c
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("value back to", sem._value, "locked", sem.locked())


asyncio.run(main())
