# If the awaitable swallows the cancellation and returns a value, wait_for
# returns that value instead of raising TimeoutError; asyncio.timeout ends
# quietly too when the block swallows its CancelledError.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
        return "finished"
    except asyncio.CancelledError:
        return "partial answer"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    result = await asyncio.wait_for(stubborn(), timeout=1)
    print(f"{loop.time() - t0:.1f} wait_for returned {result!r}")
    async with asyncio.timeout(0.5):
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print(f"{loop.time() - t0:.1f} the block swallowed the cancellation")
    print(f"{loop.time() - t0:.1f} no TimeoutError came out of the block")


asyncio.run(main())
