# A task is a future that drives a coroutine: pending, then done.
import asyncio


async def slow_square(x):
    await asyncio.sleep(1)
    return x * x


async def main():
    task = asyncio.create_task(slow_square(7))
    print("just created: done =", task.done(), "cancelled =", task.cancelled())
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print("result() too early:", type(e).__name__, "-", e)
    await asyncio.sleep(0.5)
    print("half way: done =", task.done())
    value = await task
    print("after await: done =", task.done(), "result =", task.result(), "value =", value)
    print("exception() of a successful task:", task.exception())


asyncio.run(main())
