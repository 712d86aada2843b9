# want: 5:10: open() is not available in scenes: a playground has no files. Put the data in the scene itself (lines = ["first", "second"]), and await asyncio.sleep(0.1) where reading it would take time
import asyncio

async def main():
    with open("data.txt") as f:
        print(f.read())

asyncio.run(main())
