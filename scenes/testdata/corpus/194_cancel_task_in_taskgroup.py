# Cancelling the task that sits in a TaskGroup's async with: the group
# cancels its children and the CancelledError (not an ExceptionGroup) comes out.
import asyncio


async def child(name, log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def owner(log):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("left", log))
            tg.create_task(child("right", log))
    except asyncio.CancelledError:
        log.append("owner sees CancelledError")
        raise


async def main():
    log = []
    t = asyncio.create_task(owner(log))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append("main: owner cancelled")
    for line in sorted(log):
        print(line)


asyncio.run(main())
