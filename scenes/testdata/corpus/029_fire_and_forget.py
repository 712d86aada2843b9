# create_task schedules a coroutine; it starts the next time main lets
# the loop run, and keeps running while main does other things.
import asyncio


async def heartbeat(loop, t0):
    for i in range(4):
        print(f"{loop.time() - t0:.1f}   heartbeat {i}")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    beat = asyncio.create_task(heartbeat(loop, t0))
    print(f"{loop.time() - t0:.1f} task created; it has not run yet")
    await asyncio.sleep(0.75)
    print(f"{loop.time() - t0:.1f} main woke up")
    await asyncio.sleep(1)
    print(f"{loop.time() - t0:.1f} main is done; heartbeat done = {beat.done()}")


asyncio.run(main())
