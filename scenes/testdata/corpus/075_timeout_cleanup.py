# Cleanup code in finally still runs when asyncio.timeout cancels the block,
# and it may even await.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(1.25):
            try:
                for i in range(10):
                    await asyncio.sleep(0.5)
                    print(f"{loop.time() - t0:.1f} chunk {i} uploaded")
            finally:
                print(f"{loop.time() - t0:.2f} closing the upload")
                await asyncio.sleep(0.25)
                print(f"{loop.time() - t0:.2f} upload closed")
    except TimeoutError as e:
        print(f"{loop.time() - t0:.2f} caught {type(e).__name__}")


asyncio.run(main())
