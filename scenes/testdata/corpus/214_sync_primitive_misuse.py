# Misusing asyncio's primitives raises clear errors.
import asyncio


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("Lock:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("Semaphore:", e)
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("Condition.wait:", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("Condition.notify:", e)
    q = asyncio.Queue(maxsize=-1)
    for i in range(3):
        q.put_nowait(i)
    print("Queue(maxsize=-1) is unbounded:", q.full(), q.qsize())
    ev = asyncio.Event()
    ev.set()
    ev.set()
    print("setting an Event twice is harmless:", ev.is_set())


asyncio.run(main())
