# A task that schedules callbacks and then awaits: the callbacks run before
# the task's own next step, because they were queued first.
import asyncio


async def organiser(loop):
    for i in range(3):
        loop.call_soon(print, f"    callback {i} from the organiser")
    print("  organiser yields")
    await asyncio.sleep(0)
    print("  organiser resumes")


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(organiser(loop))
    print("main waits for the organiser")
    await task
    print("main resumes")


asyncio.run(main())
