# PriorityQueue hands back the smallest item first, LifoQueue the newest;
# both are asyncio.Queue underneath (maxsize, join, task_done).
import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put(item)
    print("priority size:", pq.qsize(), pq.empty(), pq.full())
    while not pq.empty():
        prio, name = await pq.get()
        print(prio, name)
        pq.task_done()
    await pq.join()

    lq = asyncio.LifoQueue(maxsize=2)
    lq.put_nowait("a")
    lq.put_nowait("b")
    try:
        lq.put_nowait("c")
    except asyncio.QueueFull:
        print("lifo full at", lq.qsize())

    async def late_put():
        await asyncio.sleep(1)
        await lq.put("late")
        print("put late at", asyncio.get_running_loop().time())

    asyncio.create_task(late_put())
    print(await lq.get(), await lq.get())
    print(await lq.get(), "arrived")
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("lifo empty")

    async def consumer(q, name):
        while True:
            item = await q.get()
            print(name, "got", item)
            await asyncio.sleep(0.5)
            q.task_done()

    q = asyncio.PriorityQueue(maxsize=3)
    worker = asyncio.create_task(consumer(q, "worker"))
    for n in [5, 4, 3, 2, 1]:
        await q.put(n)
        print("queued", n)
    await q.join()
    worker.cancel()
    print("all done at", asyncio.get_running_loop().time())
    print(isinstance(pq, asyncio.Queue), isinstance(lq, asyncio.Queue))


asyncio.run(main())
