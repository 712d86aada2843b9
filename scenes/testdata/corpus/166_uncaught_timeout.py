# An uncaught timeout from asyncio.timeout ends the program with TimeoutError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.timeout(1.25):
        for i in range(5):
            await asyncio.sleep(0.5)
            print(f"{loop.time() - t0:.1f} still working ({i})")


asyncio.run(main())
