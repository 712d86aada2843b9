# Nested asyncio.timeout blocks: the inner one expires first and is caught
# inside the outer, which then expires too.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(2):
            try:
                async with asyncio.timeout(0.5):
                    await asyncio.sleep(1)
            except TimeoutError:
                print(f"{loop.time() - t0:.1f} inner timeout caught inside the outer block")
            await asyncio.sleep(3)
            print("never printed")
    except TimeoutError:
        print(f"{loop.time() - t0:.1f} outer timeout")


asyncio.run(main())
