# A consumer waits on a queue nobody will ever fill.
import asyncio


async def main():
    q = asyncio.Queue()
    item = await q.get()
    print(item)


asyncio.run(main())
