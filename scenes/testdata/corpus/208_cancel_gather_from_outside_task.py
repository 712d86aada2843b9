# Cancelling a task that is awaiting gather cancels the gather's children,
# in argument order.
import asyncio


async def child(name, log):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def parent(log):
    try:
        await asyncio.gather(child("first", log), child("second", log), child("third", log))
    except asyncio.CancelledError:
        log.append("parent cancelled")
        raise


async def main():
    log = []
    p = asyncio.create_task(parent(log))
    await asyncio.sleep(1)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print("\n".join(log))


asyncio.run(main())
