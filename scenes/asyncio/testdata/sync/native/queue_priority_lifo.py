import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e"), (0, "z")]:
        pq.put_nowait(item)
    out = []
    while not pq.empty():
        out.append(await pq.get())
        pq.task_done()
    print(out)
    lq = asyncio.LifoQueue(maxsize=2)
    await lq.put(1)
    await lq.put(2)
    print(lq.full(), await lq.get(), await lq.get(), type(lq).__name__)

    async def consumer():
        while True:
            prio, name = await pq.get()
            print(asyncio.get_running_loop().time(), "serve", prio, name)
            pq.task_done()

    c = asyncio.create_task(consumer())
    await asyncio.sleep(1)
    for item in [(2, "low"), (1, "high"), (1, "high2")]:
        pq.put_nowait(item)
    await pq.join()
    c.cancel()
    try:
        pq.put_nowait(("x", 1))
        pq.put_nowait((1, "y"))
    except TypeError as e:
        print("TypeError:", e)
    print(pq.qsize())


asyncio.run(main())
