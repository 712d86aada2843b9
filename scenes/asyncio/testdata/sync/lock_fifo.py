import asyncio


async def worker(name, lock, hold):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.1f} {name} wants the lock")
    async with lock:
        print(f"{loop.time():.1f} {name} has it")
        await asyncio.sleep(hold)
    print(f"{loop.time():.1f} {name} released, locked={lock.locked()}")


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(worker(n, lock, 1)) for n in "abcd"]
    await asyncio.sleep(0.5)
    tasks[2].cancel()  # c waits in the FIFO: it leaves it
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
