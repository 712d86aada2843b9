# A long computation inside async def holds the loop: one step of main
# runs millions of instructions before its next await, and the ticker
# cannot tick meanwhile. The short sum below it is no mistake.
import asyncio


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.1)


def checksum(n):
    total = 0
    for i in range(n):  # mistake: long-step
        total = (total + i * i) % 1_000_003
    return total


async def main():
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("checksum", checksum(2_000_000))
    print("small", sum(range(1000)))
    await tick


asyncio.run(main())
