# Two consumers wait on a queue that no producer fills: deadlock after the
# last timer has fired.
import asyncio


async def consumer(name, q):
    item = await q.get()
    print(name, "got", item)


async def main():
    q = asyncio.Queue()
    await asyncio.sleep(1)
    print("consumers start at 1.0")
    await asyncio.gather(consumer("c1", q), consumer("c2", q))


asyncio.run(main())
