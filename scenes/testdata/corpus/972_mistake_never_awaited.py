# A coroutine never awaited: calling an async def only makes a coroutine
# object; nothing runs it. CPython warns when the object is dropped.
import asyncio


async def save(item):
    print("saved", item)


async def main():
    save("draft")  # mistake: never-awaited
    await save("final")
    print("main: done")


asyncio.run(main())
