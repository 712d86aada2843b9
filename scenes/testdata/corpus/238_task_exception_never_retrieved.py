# A task that fails while nobody awaits it does not stop the program: the
# error is only reported on stderr ("Task exception was never retrieved"),
# and the program still exits with status 0.
import asyncio


async def forgotten():
    await asyncio.sleep(0.5)
    raise ValueError("nobody will see this on stdout")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    task = asyncio.create_task(forgotten())
    await asyncio.sleep(1)
    print(f"{loop.time() - t0:.1f} the task failed quietly: {task.done()}")
    del task
    await asyncio.sleep(0.5)
    print(f"{loop.time() - t0:.1f} main finishes normally")


asyncio.run(main())
