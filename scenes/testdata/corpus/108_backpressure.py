# Backpressure: with maxsize=1 the producer spends most of its time waiting
# in put(); we measure how long.
import asyncio


async def producer(q, loop, waited):
    for i in range(4):
        before = loop.time()
        await q.put(i)
        waited.append(loop.time() - before)
    await q.put(None)


async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    q = asyncio.Queue(maxsize=1)
    waited = []
    await asyncio.gather(producer(q, loop, waited), consumer(q))
    print("seconds waited in each put:", [round(w) for w in waited])
    print(f"total time {loop.time() - t0:.0f}s")


asyncio.run(main())
