# async with asyncio.timeout(d): the block is cancelled when the deadline
# passes, and the cancellation turns into TimeoutError at the block's end.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(1):
            print("  inside the block")
            await asyncio.sleep(0.5)
            print(f"  {loop.time() - t0:.1f} first half done")
            await asyncio.sleep(2)
            print("  never printed")
    except TimeoutError:
        print(f"{loop.time() - t0:.1f} the block timed out")

    async with asyncio.timeout(5):
        await asyncio.sleep(0.25)
    print(f"{loop.time() - t0:.2f} a block that finished in time")


asyncio.run(main())
