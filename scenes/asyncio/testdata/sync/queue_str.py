import asyncio


async def main():
    q = asyncio.Queue(3)
    print(q)
    q.put_nowait(1)
    q.put_nowait("a")
    print(q)
    q.get_nowait()
    print(str(q), f"{q}")
    lq = asyncio.Queue()
    g = asyncio.create_task(lq.get())
    await asyncio.sleep(0)
    print(lq)
    g.cancel()
    full = asyncio.Queue(1)
    full.put_nowait(None)
    p = asyncio.create_task(full.put(2))
    await asyncio.sleep(0)
    print(full)
    p.cancel()


asyncio.run(main())
