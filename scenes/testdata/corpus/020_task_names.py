# Every task has a name. asyncio.run's main task is Task-1; later tasks
# count up from there. In CPython 3.11, asyncio.create_task(name=...) first
# makes the task with the next Task-N name and then renames it, so a named
# task still uses up a number.
import asyncio


async def chore(seconds):
    await asyncio.sleep(seconds)
    return asyncio.current_task().get_name()


async def main():
    print("main is", asyncio.current_task().get_name())
    a = asyncio.create_task(chore(0.5))
    b = asyncio.create_task(chore(0.25), name="laundry")
    c = asyncio.create_task(chore(0.75))
    print("created:", a.get_name(), b.get_name(), c.get_name())
    c.set_name("dishes")
    print("renamed the third to", c.get_name())
    for t in (a, b, c):
        print("finished:", await t)


asyncio.run(main())
