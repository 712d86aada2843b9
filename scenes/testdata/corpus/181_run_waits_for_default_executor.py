# asyncio.run shuts down the default executor before returning, so a
# to_thread job abandoned by a timeout still delays the end of the program.
import asyncio
import time

start = time.monotonic()


def slow_export():
    time.sleep(2)
    print(f"{time.monotonic() - start:.1f} export thread finished anyway")


async def main():
    try:
        await asyncio.wait_for(asyncio.to_thread(slow_export), timeout=0.5)
    except TimeoutError:
        print(f"{time.monotonic() - start:.1f} stopped waiting for the export")
    print(f"{time.monotonic() - start:.1f} main returns")


asyncio.run(main())
print(f"{time.monotonic() - start:.1f} asyncio.run returned")
