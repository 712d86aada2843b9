# A failure in an inner TaskGroup cancels the outer group's other tasks;
# the outer group wraps the inner ExceptionGroup.
import asyncio


async def leaf(name, seconds, log, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} failed")
        log.append(f"{name} ok")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def inner(log):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("inner-ok", 0.25, log))
        tg.create_task(leaf("inner-bad", 0.5, log, fail=True))


async def main():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner(log))
            tg.create_task(leaf("outer-slow", 2, log))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
    for line in sorted(log):
        print(" ", line)


asyncio.run(main())
