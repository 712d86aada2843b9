# A task blocked in queue.get() can be cancelled; the queue is unaffected.
import asyncio


async def listener(q):
    try:
        msg = await q.get()
        print("got", msg)
    except asyncio.CancelledError:
        print("listener cancelled while waiting for a message")
        raise


async def main():
    q = asyncio.Queue()
    task = asyncio.create_task(listener(q))
    await asyncio.sleep(1)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    q.put_nowait("hello")
    print("queue still works:", q.get_nowait(), "| size now", q.qsize())


asyncio.run(main())
