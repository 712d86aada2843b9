# A notified Condition waiter that is cancelled while it re-acquires the
# lock keeps trying until it holds the lock again, then raises
# CancelledError (locks.py's finally clause in Condition.wait).
import asyncio


async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
            print("waiter woke normally")
        except asyncio.CancelledError:
            print(asyncio.get_running_loop().time(), "waiter cancelled; holds the lock:", cond.locked())
            raise
    print("never here")


async def main():
    cond = asyncio.Condition()
    w = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        await asyncio.sleep(0)  # w wakes and waits to re-acquire the lock
        w.cancel()
        await asyncio.sleep(0.5)
        print(asyncio.get_running_loop().time(), "main releases")
    try:
        await w
    except asyncio.CancelledError:
        print("w cancelled:", w.cancelled(), "lock free:", not cond.locked())


asyncio.run(main())
