import asyncio

items = []


async def consumer(name, cond):
    async with cond:
        print(name, "waits")
        await cond.wait_for(lambda: len(items) > 0)
        print(name, "took", items.pop(0), "at", asyncio.get_running_loop().time())


async def main():
    cond = asyncio.Condition()
    cs = [asyncio.create_task(consumer(n, cond)) for n in ("c1", "c2", "c3", "c4")]
    await asyncio.sleep(1)
    async with cond:
        items.append("one")
        cond.notify()
        print("notified one")
    await asyncio.sleep(1)
    async with cond:
        items.extend(["two", "three", "four"])
        cond.notify_all()
        print("notified all, locked:", cond.locked())
    await asyncio.gather(*cs)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
