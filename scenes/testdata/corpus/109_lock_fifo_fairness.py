# Tasks waiting for an asyncio.Lock get it in the order they asked.
import asyncio


async def visitor(name, lock, log):
    async with lock:
        log.append(name)
        await asyncio.sleep(0.1)


async def main():
    lock = asyncio.Lock()
    log = []
    async with lock:
        tasks = [asyncio.create_task(visitor(n, lock, log)) for n in ["d", "b", "e", "a", "c"]]
        await asyncio.sleep(0.5)
        print("while main holds the lock nobody got in:", log)
    await asyncio.gather(*tasks)
    print("order of entry:", log)


asyncio.run(main())
