# A TaskGroup cancels the siblings of a failing task and raises every
# error together; tasks created late are awaited too.
import asyncio


async def ok(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "ok")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def bad(name, d, exc):
    await asyncio.sleep(d)
    print(name, "raises")
    raise exc


async def spawner(tg):
    await asyncio.sleep(0.1)
    tg.create_task(ok("late", 0.2), name="late-task")
    return "spawned"


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(ok("a", 0.5))
        b = tg.create_task(spawner(tg))
    print("group done", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("c", 1))
            tg.create_task(bad("d", 0.2, ValueError("d failed")))
            tg.create_task(bad("e", 0.2, KeyError("e")))
            await asyncio.sleep(2)
            print("not reached")
    except ExceptionGroup as eg:
        print(type(eg).__name__, str(eg), [repr(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("f", 1))
            await asyncio.sleep(0.1)
            raise RuntimeError("body fails")
    except ExceptionGroup as eg:
        print(str(eg), [repr(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("g", 1))
            tg.create_task(bad("h", 0.1, ValueError("h")))
            await asyncio.sleep(0.05)
    except ExceptionGroup as eg:
        print(str(eg), [repr(e) for e in eg.exceptions])
    print("after at", asyncio.get_running_loop().time())


asyncio.run(main())
