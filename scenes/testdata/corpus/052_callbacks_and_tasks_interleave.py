# Callbacks, task steps and timers all share one ready queue.
import asyncio


async def walker(name, n):
    for i in range(n):
        print(f"  {name} step {i}")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    w = asyncio.create_task(walker("walker", 3))
    loop.call_soon(print, "  callback 1")
    loop.call_later(0, print, "  timer 0")
    loop.call_soon(print, "  callback 2")
    print("main yields")
    await asyncio.sleep(0)
    print("main back")
    await w
    print("walker done")


asyncio.run(main())
