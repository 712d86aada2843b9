# task.cancel() asks a task to stop: CancelledError is raised inside it at
# the await where it is suspended.
import asyncio


async def spinner():
    n = 0
    while True:
        n += 1
        print(f"  spinning {n}")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    task = asyncio.create_task(spinner())
    await asyncio.sleep(1.25)
    print(f"{loop.time() - t0:.2f} cancel() returned {task.cancel()}")
    print("cancelled yet?", task.cancelled())
    try:
        await task
    except asyncio.CancelledError:
        print(f"{loop.time() - t0:.2f} awaiting it raised CancelledError")
    print("cancelled now?", task.cancelled(), "done?", task.done())


asyncio.run(main())
