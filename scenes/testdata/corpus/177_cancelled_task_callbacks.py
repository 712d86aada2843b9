# Done-callbacks run for cancelled tasks too; the callback can ask why the
# task ended.
import asyncio


def describe(task):
    if task.cancelled():
        state = "cancelled"
    elif task.exception() is not None:
        state = f"failed with {task.exception()!r}"
    else:
        state = f"returned {task.result()!r}"
    print(f"{task.get_name()}: {state}")


async def work(seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError("bad input")
    return seconds


async def main():
    tasks = [
        asyncio.create_task(work(0.5), name="quick"),
        asyncio.create_task(work(1, fail=True), name="broken"),
        asyncio.create_task(work(5), name="long"),
    ]
    for t in tasks:
        t.add_done_callback(describe)
    await asyncio.sleep(1.5)
    tasks[2].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


asyncio.run(main())
