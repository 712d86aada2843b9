# A hundred tasks sleeping concurrently finish together, not one after another.
import asyncio


async def tiny_job(i):
    await asyncio.sleep(1 + (i % 4) * 0.25)
    return i * 2


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(tiny_job(i)) for i in range(100)]
    total = 0
    for t in tasks:
        total += await t
    print(f"{loop.time() - t0:.2f}s for 100 jobs, total {total}")
    print("all done:", all(t.done() for t in tasks))


asyncio.run(main())
