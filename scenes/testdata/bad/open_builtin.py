# want: 5:10: open() is not supported in scenes
import asyncio

async def main():
    with open("data.txt") as f:
        print(f.read())

asyncio.run(main())
