import asyncio


async def holder(lock):
    async with lock:
        await asyncio.sleep(1)
        print("holder releases")
    # release() woke the first waiter; it is cancelled before it runs


async def waiter(name, lock):
    try:
        async with lock:
            print(name, "got the lock at", asyncio.get_running_loop().time())
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled, lock locked:", lock.locked())
        raise


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    a = asyncio.create_task(waiter("a", lock))
    b = asyncio.create_task(waiter("b", lock))
    await h
    a.cancel()
    done = await asyncio.gather(a, b, return_exceptions=True)
    print([type(x).__name__ for x in done])


asyncio.run(main())
