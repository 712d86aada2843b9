# Tasks whose reference is dropped: the loop keeps only weak references to
# tasks, so a task nobody holds may vanish mid-flight. Kept ones (a
# variable, a set, a TaskGroup's) are fine.
import asyncio
from asyncio import ensure_future

background = set()


async def job(name):
    await asyncio.sleep(0.1)
    print("job", name, "done")


async def main():
    asyncio.create_task(job("a"))  # mistake: dropped-task
    ensure_future(job("b"))  # mistake: dropped-task
    loop = asyncio.get_running_loop()
    loop.create_task(job("c"))  # mistake: dropped-task
    t = asyncio.create_task(job("d"))
    background.add(asyncio.create_task(job("e")))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("f"))
    await t
    await asyncio.sleep(0.2)


asyncio.run(main())
