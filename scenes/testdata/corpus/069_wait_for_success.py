# wait_for returns the result when the awaitable finishes in time.
import asyncio


async def answer():
    await asyncio.sleep(0.5)
    return 42


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    value = await asyncio.wait_for(answer(), timeout=2)
    print(f"{loop.time() - t0:.1f} got {value} well before the timeout")
    value = await asyncio.wait_for(answer(), timeout=None)
    print(f"{loop.time() - t0:.1f} timeout=None waits as long as needed: {value}")


asyncio.run(main())
