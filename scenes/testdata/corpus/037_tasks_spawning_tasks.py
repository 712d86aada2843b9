# Tasks may start more tasks; each gets the next free name.
import asyncio


async def leaf(depth, index):
    await asyncio.sleep(0.1 * index)
    return f"{asyncio.current_task().get_name()}@{depth}"


async def branch(depth):
    children = [asyncio.create_task(leaf(depth + 1, i)) for i in range(1, 3)]
    names = []
    for c in children:
        names.append(await c)
    return asyncio.current_task().get_name(), names


async def main():
    b1 = asyncio.create_task(branch(1))
    b2 = asyncio.create_task(branch(1))
    for b in (b1, b2):
        me, kids = await b
        print(me, "started", ", ".join(kids))


asyncio.run(main())
