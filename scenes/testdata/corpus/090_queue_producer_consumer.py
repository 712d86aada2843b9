# A producer and a consumer connected by an asyncio.Queue.
import asyncio


async def producer(q, loop, t0):
    for dish in ["soup", "salad", "steak"]:
        await asyncio.sleep(0.5)
        await q.put(dish)
        print(f"{loop.time() - t0:.2f} kitchen: {dish} is ready")
    await q.put(None)


async def consumer(q, loop, t0):
    while True:
        dish = await q.get()
        if dish is None:
            print(f"{loop.time() - t0:.2f} waiter: kitchen closed")
            break
        print(f"{loop.time() - t0:.2f} waiter: serving {dish}")
        await asyncio.sleep(0.25)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    q = asyncio.Queue()
    await asyncio.gather(producer(q, loop, t0), consumer(q, loop, t0))


asyncio.run(main())
