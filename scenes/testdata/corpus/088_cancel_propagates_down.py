# Cancelling a task cancels what it is awaiting: here, a chain of
# coroutines and a child task.
import asyncio


async def leaf(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("leaf coroutine cancelled")
        raise


async def middle(log):
    try:
        await leaf(log)
    finally:
        log.append("middle coroutine cleans up")


async def parent(log):
    child = asyncio.create_task(middle(log))
    try:
        await child
    except asyncio.CancelledError:
        log.append(f"parent cancelled; child cancelled: {child.cancelled()}")
        raise


async def main():
    log = []
    task = asyncio.create_task(parent(log))
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append("main sees the parent cancelled")
    print("\n".join(log))


asyncio.run(main())
