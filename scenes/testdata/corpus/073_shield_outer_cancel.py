# Cancelling the task that awaits a shield raises CancelledError there,
# while the inner task carries on untouched.
import asyncio


async def backup():
    for pct in (25, 50, 75, 100):
        await asyncio.sleep(0.5)
        print(f"  backup {pct}%")
    return "backup complete"


async def impatient_user(inner):
    try:
        await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("  user was cancelled while waiting")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    inner = asyncio.create_task(backup())
    user = asyncio.create_task(impatient_user(inner))
    await asyncio.sleep(0.75)
    user.cancel()
    await asyncio.sleep(0)
    print(f"{loop.time() - t0:.2f} user cancelled: {user.cancelled()}, backup done: {inner.done()}")
    result = await inner
    print(f"{loop.time() - t0:.2f} {result}")


asyncio.run(main())
