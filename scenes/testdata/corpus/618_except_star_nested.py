# Nested task groups fail with nested exception groups. except* reaches
# into the nesting: it handles the matching leaves wherever they are, and
# what is left keeps its shape, so an outer handler can take the rest.
import asyncio


async def step(name, delay, exc=None):
    await asyncio.sleep(delay)
    if exc:
        raise exc
    return name


async def stage(label, failures):
    async with asyncio.TaskGroup() as tg:
        for i, exc in enumerate(failures):
            tg.create_task(step(f"{label}{i}", 0.1, exc))


async def pipeline():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(stage("a", [ValueError("a bad"), IndexError("a short")]))
        tg.create_task(stage("b", [KeyError("b missing"), None]))
        tg.create_task(step("c", 0.1, TypeError("c wrong")))


def shape(eg, depth=0):
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            print("  " * depth + f"group {e.message!r}")
            shape(e, depth + 1)
        else:
            print("  " * depth + f"{type(e).__name__}: {e}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        try:
            await pipeline()
        except* TypeError as eg:
            print(f"{loop.time() - t0:.2f} inner handled:")
            shape(eg)
        except* LookupError as eg:
            print(f"{loop.time() - t0:.2f} lookups:")
            shape(eg)
    except ExceptionGroup as rest:
        print(f"{loop.time() - t0:.2f} outer got {rest.message!r}:")
        shape(rest)


asyncio.run(main())
