# want: 5:12: input() is not available in scenes: a playground has no keyboard input. Assign the answer instead: name = "Ada"
import asyncio

async def main():
    name = input("name? ")
    print(name)

asyncio.run(main())
