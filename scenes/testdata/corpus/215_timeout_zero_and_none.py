# asyncio.timeout(0) expires at once; timeout(None) never does.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"{loop.time() - t0:.1f} timeout(0) expired immediately")
    async with asyncio.timeout(None):
        await asyncio.sleep(1.5)
    print(f"{loop.time() - t0:.1f} timeout(None) let the sleep finish")


asyncio.run(main())
