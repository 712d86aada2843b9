# A leftover task that needs time to clean up after asyncio.run cancels it:
# asyncio.run waits for the cleanup before closing the loop.
import asyncio
import time

start = time.monotonic()


async def uploader():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{time.monotonic() - start:.1f} uploader: cancelled, flushing buffers")
        await asyncio.sleep(0.5)
        print(f"{time.monotonic() - start:.1f} uploader: buffers flushed")
        raise


async def main():
    asyncio.create_task(uploader())
    await asyncio.sleep(1)
    print(f"{time.monotonic() - start:.1f} main returns")


asyncio.run(main())
print(f"{time.monotonic() - start:.1f} asyncio.run returned")
