# A bounded queue makes a fast producer wait for a slow consumer.
import asyncio


async def producer(q, loop, t0):
    for i in range(5):
        await q.put(i)
        print(f"{loop.time() - t0:.1f} put {i} (size {q.qsize()}, full {q.full()})")
    await q.put(None)


async def consumer(q, loop, t0):
    while True:
        item = await q.get()
        if item is None:
            break
        await asyncio.sleep(1)
        print(f"{loop.time() - t0:.1f} consumed {item}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    q = asyncio.Queue(maxsize=2)
    print("maxsize:", q.maxsize, "empty:", q.empty())
    await asyncio.gather(producer(q, loop, t0), consumer(q, loop, t0))


asyncio.run(main())
