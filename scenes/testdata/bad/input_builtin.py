# want: 5:12: input() is not supported in scenes
import asyncio

async def main():
    name = input("name? ")
    print(name)

asyncio.run(main())
