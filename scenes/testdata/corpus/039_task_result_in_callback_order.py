# A task that finishes at the same instant as a timer: the timer armed
# first runs first, and the task's done-callback comes a turn later.
import asyncio


async def quick():
    await asyncio.sleep(1)
    print("quick finished its body")
    return "q"


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(quick())
    await asyncio.sleep(0)  # quick() arms its 1 s timer now
    loop.call_later(1, print, "timer armed after quick's")
    task.add_done_callback(lambda t: print("done-callback sees", t.result()))
    await task
    print("main resumes last")


asyncio.run(main())
