# Waiting on an Event that is already set returns without suspending for long;
# wait() returns True.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    ready = asyncio.Event()
    ready.set()
    t0 = loop.time()
    print("wait() on a set event returns", await ready.wait())
    print(f"time passed: {loop.time() - t0:.1f}s")
    ready.clear()
    loop.call_later(0.75, ready.set)
    print("waiting for the event to be set again...")
    result = await ready.wait()
    print(f"{loop.time() - t0:.2f} woke, wait() returned {result}")


asyncio.run(main())
