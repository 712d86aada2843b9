# asyncio.Lock is fair: a task that releases the lock and immediately asks
# for it again must queue behind the waiter it just woke.
import asyncio


async def greedy(lock, log):
    for i in range(3):
        async with lock:
            log.append(f"greedy holds the lock ({i})")
            await asyncio.sleep(0.1)


async def patient(lock, log):
    await asyncio.sleep(0.05)
    async with lock:
        log.append("patient holds the lock")


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(greedy(lock, log), patient(lock, log))
    print("\n".join(log))


asyncio.run(main())
