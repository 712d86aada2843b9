# asyncio's exceptions live in the submodule asyncio.exceptions; the names
# there are the same classes as asyncio's own.
import asyncio


async def slow():
    await asyncio.sleep(5)


async def main():
    print(asyncio.exceptions.CancelledError is asyncio.CancelledError)
    print(asyncio.exceptions.TimeoutError is TimeoutError)
    print(asyncio.exceptions.InvalidStateError is asyncio.InvalidStateError)
    print(asyncio.exceptions.BrokenBarrierError is asyncio.BrokenBarrierError)
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError))
    task = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=1)
    except asyncio.exceptions.TimeoutError:
        print("the wait timed out; the shielded task goes on:", not task.done())
    task.cancel()
    try:
        await task
    except asyncio.exceptions.CancelledError:
        print("cancelled:", task.cancelled())


asyncio.run(main())
