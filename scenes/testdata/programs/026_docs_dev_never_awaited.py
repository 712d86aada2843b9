# source: https://docs.python.org/3.11/library/asyncio-dev.html#detect-never-awaited-coroutines; edits: none
import asyncio

async def test():
    print("never scheduled")

async def main():
    test()

asyncio.run(main())
