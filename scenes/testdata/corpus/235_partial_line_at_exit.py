# A program whose output does not end with a newline: the last line is
# still written, just without its line break.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print("downloading", end="")
    for _ in range(3):
        await asyncio.sleep(0.5)
        print(".", end="")
    await asyncio.sleep(1)
    print(f" {loop.time() - t0:.1f}s, no newline at the end", end="")


asyncio.run(main())
