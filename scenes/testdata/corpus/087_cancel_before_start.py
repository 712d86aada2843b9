# A task cancelled before its first step never runs its body at all.
import asyncio


async def never_starts():
    try:
        print("this line never runs")
        await asyncio.sleep(1)
    finally:
        print("nor does this finally")


async def main():
    task = asyncio.create_task(never_starts())
    task.cancel()
    print("cancelled before it started; done yet?", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError; cancelled():", task.cancelled())


asyncio.run(main())
