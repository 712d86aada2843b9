# put_nowait and get_nowait never wait: they raise QueueFull / QueueEmpty.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull when adding 'c'; size is", q.qsize())
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty when the queue has nothing; empty():", q.empty())
    unbounded = asyncio.Queue()
    for i in range(1000):
        unbounded.put_nowait(i)
    print("an unbounded queue is never full:", unbounded.full(), unbounded.qsize())


asyncio.run(main())
