# When a task finishes, whatever waits on it is scheduled in registration
# order: a done-callback added before the parent awaited runs first.
import asyncio


async def child():
    await asyncio.sleep(0.5)
    print("child returns")
    return "child value"


async def parent(task):
    print("parent starts awaiting the child")
    value = await task
    print("parent resumed with", value)


async def main():
    c = asyncio.create_task(child())
    c.add_done_callback(lambda t: print("callback A (added before the parent awaited)"))
    p = asyncio.create_task(parent(c))
    await asyncio.sleep(0)
    c.add_done_callback(lambda t: print("callback B (added after the parent awaited)"))
    await p


asyncio.run(main())
