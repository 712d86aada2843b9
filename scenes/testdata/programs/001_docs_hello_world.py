# source: https://docs.python.org/3.11/library/asyncio.html (the "Hello World!" example); edits: none
import asyncio

async def main():
    print('Hello ...')
    await asyncio.sleep(1)
    print('... World!')

asyncio.run(main())
