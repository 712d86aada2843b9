# The caller of shield() was cancelled; the inner task keeps running and
# its own failure is still there for whoever awaits it.
import asyncio


async def risky():
    await asyncio.sleep(1)
    raise RuntimeError("inner failed after the caller left")


async def caller(inner):
    await asyncio.shield(inner)


async def main():
    inner = asyncio.create_task(risky())
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.5)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("caller cancelled:", c.cancelled(), "| inner done:", inner.done())
    try:
        await inner
    except RuntimeError as e:
        print("inner:", e)


asyncio.run(main())
