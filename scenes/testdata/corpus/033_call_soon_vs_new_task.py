# create_task schedules the task's first step with call_soon, so a callback
# scheduled after it runs after the task's first step.
import asyncio


async def job(name):
    print(f"{name}: first step")
    await asyncio.sleep(0)
    print(f"{name}: second step")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback A (before the task)")
    t = asyncio.create_task(job("task"))
    loop.call_soon(print, "callback B (after the task)")
    print("main: before awaiting")
    await asyncio.sleep(0)
    print("main: after one turn")
    await t
    print("main: task finished")


asyncio.run(main())
