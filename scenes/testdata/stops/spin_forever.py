# A loop that never yields: CPython would spin here forever.
import asyncio


async def main():
    n = 0
    while True:
        n += 1


asyncio.run(main())
