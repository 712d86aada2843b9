# The Task-N counter: in CPython 3.11 asyncio.create_task(name=...) takes a
# number too (the task is created, then renamed), and gather wraps bare
# coroutines in tasks, which take numbers as well.
import asyncio


async def name_of_me():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()


async def main():
    print(asyncio.current_task().get_name())
    named = asyncio.create_task(name_of_me(), name="custom")
    unnamed = asyncio.create_task(name_of_me())
    print(await named, await unnamed)
    names = await asyncio.gather(name_of_me(), name_of_me())
    print("gather children:", names)
    later = asyncio.create_task(name_of_me())
    print("next unnamed task:", await later)


asyncio.run(main())
