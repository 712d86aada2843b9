# A parent awaiting a child that gets cancelled receives CancelledError,
# and unless it catches it, the parent ends up cancelled too.
import asyncio


async def child():
    await asyncio.sleep(5)


async def parent(c):
    await c
    print("never printed")


async def careful_parent(c):
    try:
        await c
    except asyncio.CancelledError:
        return "child was cancelled, parent carries on"


async def main():
    c1 = asyncio.create_task(child())
    p1 = asyncio.create_task(parent(c1))
    c2 = asyncio.create_task(child())
    p2 = asyncio.create_task(careful_parent(c2))
    await asyncio.sleep(1)
    c1.cancel()
    c2.cancel()
    await asyncio.gather(p1, p2, return_exceptions=True)
    print("parent cancelled:", p1.cancelled())
    print("careful parent:", p2.result())


asyncio.run(main())
