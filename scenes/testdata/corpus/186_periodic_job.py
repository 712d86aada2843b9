# A periodic job that runs every 0.5 s until it is told to stop, then
# finishes its current round cleanly.
import asyncio


async def periodic(stop, loop, t0):
    rounds = 0
    while not stop.is_set():
        rounds += 1
        print(f"{loop.time() - t0:.2f} round {rounds}")
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.5)
        except TimeoutError:
            pass
    print(f"{loop.time() - t0:.2f} periodic job stopped after {rounds} rounds")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    stop = asyncio.Event()
    job = asyncio.create_task(periodic(stop, loop, t0))
    await asyncio.sleep(1.75)
    stop.set()
    await job


asyncio.run(main())
