# source: https://docs.python.org/3.11/library/asyncio-dev.html#detect-never-retrieved-exceptions; edits: none
import asyncio

async def bug():
    raise Exception("not consumed")

async def main():
    asyncio.create_task(bug())

asyncio.run(main())
