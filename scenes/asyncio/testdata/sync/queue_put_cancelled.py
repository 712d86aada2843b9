import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    await q.put("a")
    try:
        await asyncio.wait_for(q.put("b"), 0.5)
    except asyncio.TimeoutError:
        print("put timed out, size", q.qsize())
    p1 = asyncio.create_task(q.put("c"))
    p2 = asyncio.create_task(q.put("d"))
    await asyncio.sleep(0)
    print("got", q.get_nowait())  # wakes p1
    p1.cancel()  # p1 woke but is cancelled: p2 gets the slot
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("p1 cancelled", p1.cancelled(), "p2 done", p2.done())
    print("left", q.get_nowait(), q.empty())


asyncio.run(main())
