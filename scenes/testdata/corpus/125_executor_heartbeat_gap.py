# The same blocking call, twice: on the loop it freezes the heartbeat,
# in a thread it does not. We measure the largest gap between beats.
import asyncio
import time


def blocking_io():
    time.sleep(1.2)


async def heartbeat(loop, stamps, stop):
    while not stop:
        stamps.append(loop.time())
        await asyncio.sleep(0.3)


async def measure(loop, offload):
    stamps, stop = [], []
    beat = asyncio.create_task(heartbeat(loop, stamps, stop))
    await asyncio.sleep(0.1)
    if offload:
        await loop.run_in_executor(None, blocking_io)
    else:
        blocking_io()
    await asyncio.sleep(0.45)
    stop.append(True)
    await beat
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    return max(gaps)


async def main():
    loop = asyncio.get_running_loop()
    print(f"largest gap, blocking on the loop: {await measure(loop, False):.1f}s")
    print(f"largest gap, in the executor:      {await measure(loop, True):.1f}s")


asyncio.run(main())
