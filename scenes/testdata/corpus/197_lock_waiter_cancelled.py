# A task waiting for a lock is cancelled: it leaves the queue and the
# next waiter gets the lock.
import asyncio


async def user(name, lock, log, hold):
    try:
        async with lock:
            log.append(f"{name} has the lock")
            await asyncio.sleep(hold)
    except asyncio.CancelledError:
        log.append(f"{name} gave up waiting")
        raise


async def main():
    lock = asyncio.Lock()
    log = []
    a = asyncio.create_task(user("a", lock, log, 1))
    b = asyncio.create_task(user("b", lock, log, 1))
    c = asyncio.create_task(user("c", lock, log, 1))
    await asyncio.sleep(0.5)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("\n".join(log))


asyncio.run(main())
