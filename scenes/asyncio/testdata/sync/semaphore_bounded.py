import asyncio


async def job(i, sem):
    loop = asyncio.get_running_loop()
    async with sem:
        print(f"{loop.time():.0f} job {i} runs, locked={sem.locked()}")
        await asyncio.sleep(1)
    print(f"{loop.time():.0f} job {i} done")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*[job(i, sem) for i in range(5)])
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
