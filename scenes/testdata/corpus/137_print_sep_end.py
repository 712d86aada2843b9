# print's sep and end arguments, including a line built in pieces.
import asyncio


async def progress(loop):
    print("loading", end="")
    for _ in range(3):
        await asyncio.sleep(0.5)
        print(".", end="")
    print(" done")


async def main():
    loop = asyncio.get_running_loop()
    print("a", "b", "c", sep="-")
    print("no", "separator", sep="")
    print("x", end=" | ")
    print("y", end="\n")
    await progress(loop)
    print(1, 2.5, None, True, [1, "two"], ("t",), {"k": "v"}, sep=", ")
    print()
    print("after an empty line")


asyncio.run(main())
