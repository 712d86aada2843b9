# Cancelling a gather cancels its children; return_exceptions keeps the
# results of the others.
import asyncio


async def child(i, d):
    try:
        await asyncio.sleep(d)
        return i
    except asyncio.CancelledError:
        print("child", i, "cancelled")
        raise


async def boom():
    await asyncio.sleep(0.2)
    raise ValueError("boom")


async def main():
    g = asyncio.gather(child(1, 1), child(2, 2), return_exceptions=True)
    await asyncio.sleep(0.5)
    print("cancel returns", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())
    r = await asyncio.gather(child(3, 0.1), boom(), child(4, 0.3), return_exceptions=True)
    print(r)
    g2 = asyncio.gather(child(5, 1), boom())
    try:
        await g2
    except ValueError as e:
        print("first error", e, g2.done())
    await asyncio.sleep(1)
    print("empty gather", await asyncio.gather())


asyncio.run(main())
