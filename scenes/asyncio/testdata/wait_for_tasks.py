# wait_for wraps a coroutine in a task (3.11), which takes a Task-N number;
# a timeout cancels it and waits for it to finish before TimeoutError.
import asyncio


async def slow(name, d):
    try:
        await asyncio.sleep(d)
        return name
    except asyncio.CancelledError:
        print("  ", asyncio.current_task().get_name(), "cancelled at", asyncio.get_running_loop().time())
        await asyncio.sleep(0.25)
        print("  cleanup done")
        raise


async def main():
    print(await asyncio.wait_for(slow("fast", 0.5), 1))
    try:
        await asyncio.wait_for(slow("slow", 5), 1)
    except TimeoutError as e:
        print("timeout", type(e).__name__, repr(e.__cause__))
    t = asyncio.create_task(slow("later", 1))
    print("next task is", t.get_name())
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError:
        print("zero timeout", t.cancelled())
    print(await asyncio.wait_for(asyncio.sleep(0.1, "none"), None))


asyncio.run(main())
