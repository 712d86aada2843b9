# time.sleep inside a coroutine blocks the whole event loop: the heartbeat
# that should tick every 0.5 s arrives late.
import asyncio
import time


async def heartbeat(loop, t0):
    expected = 0.0
    for _ in range(5):
        late = loop.time() - t0 - expected
        print(f"{loop.time() - t0:.1f} heartbeat (late by {late:.1f}s)")
        expected += 0.5
        await asyncio.sleep(0.5)


async def careless_job(loop, t0):
    await asyncio.sleep(0.6)
    print(f"{loop.time() - t0:.1f} careless job calls time.sleep(1.5)")
    time.sleep(1.5)
    print(f"{loop.time() - t0:.1f} careless job wakes up; the loop was frozen")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(heartbeat(loop, t0), careless_job(loop, t0))


asyncio.run(main())
