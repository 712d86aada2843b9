# An exception that escapes main() ends asyncio.run with that exception.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for attempt in range(1, 4):
        await asyncio.sleep(0.5)
        print(f"{loop.time() - t0:.1f} attempt {attempt} failed")
    raise RuntimeError("service unavailable after 3 attempts")


asyncio.run(main())
