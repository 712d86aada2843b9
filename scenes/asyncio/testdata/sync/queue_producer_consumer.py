import asyncio


async def producer(q, n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        await q.put(i)
        print(f"{loop.time():.1f} put {i} size={q.qsize()} full={q.full()}")
    await q.put(None)


async def consumer(name, q):
    loop = asyncio.get_running_loop()
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            await q.put(None)
            break
        print(f"{loop.time():.1f} {name} got {item}")
        await asyncio.sleep(0.5)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize", q.maxsize, "empty", q.empty())
    cs = [asyncio.create_task(consumer(n, q)) for n in ("A", "B")]
    await producer(q, 5)
    await q.join()
    print("joined at", asyncio.get_running_loop().time())
    await asyncio.gather(*cs)
    print("left", q.qsize())
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q2 = asyncio.Queue(1)
    q2.put_nowait("x")
    try:
        q2.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    q2.get_nowait()
    q2.task_done()
    try:
        q2.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
