import asyncio


async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.5)
    except asyncio.TimeoutError:
        print("get timed out at", asyncio.get_running_loop().time())

    async def late():
        await asyncio.sleep(1)
        q.put_nowait("late item")

    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    asyncio.create_task(late())
    await asyncio.sleep(0.5)
    g1.cancel()
    print("g2 got", await g2, "at", asyncio.get_running_loop().time())
    print("g1 cancelled", g1.cancelled())
    q.put_nowait(1)
    q.put_nowait(2)
    print(await q.get(), await q.get(), q.empty())
    j = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    print("join done?", j.done())
    q.task_done()
    q.task_done()
    q.task_done()
    await j
    print("join done at", asyncio.get_running_loop().time())


asyncio.run(main())
