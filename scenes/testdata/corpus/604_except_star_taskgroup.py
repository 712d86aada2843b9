# except* around a TaskGroup that ends without errors: no clause runs, and
# the else clause does. Then one that fails twice: each clause gets its
# part of the group, with the handled exception's __context__ intact.
import asyncio


async def boom(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(asyncio.sleep(1))
    except* ValueError:
        pass
    else:
        print(f"{loop.time() - t0:.1f} no errors")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(0.5, ValueError("bad value")))
            tg.create_task(boom(0.5, ConnectionError("lost")))
    except* ValueError as eg:
        print(f"{loop.time() - t0:.1f} value errors:", eg.exceptions)
    except* OSError as eg:
        (err,) = eg.exceptions
        print(f"{loop.time() - t0:.1f} os errors:", type(err).__name__, err)
        try:
            raise RuntimeError("while handling")
        except RuntimeError as inner:
            print("context is the handled group:", inner.__context__ is eg)
    print("done")


asyncio.run(main())
