# Tasks made by a TaskGroup are ordinary tasks: they have names and results.
import asyncio


async def square(n):
    await asyncio.sleep(n * 0.25)
    return n * n


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(square(2), name="two")
        b = tg.create_task(square(3))
        c = tg.create_task(square(1), name="one")
    for t in (a, b, c):
        print(f"{t.get_name():>6}: {t.result()}")
    print("total:", sum(t.result() for t in (a, b, c)))


asyncio.run(main())
