# The scene prints part of a line (end="") and then fails: the partial line
# is still written before the traceback.
import asyncio


async def main():
    print("progress: ", end="")
    for i in range(3):
        await asyncio.sleep(0.25)
        print(f"{i}..", end="")
    assert i == 99, "progress bar overflowed"


asyncio.run(main())
