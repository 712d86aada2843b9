# Tutorials print a future's private _state: PENDING, then FINISHED or
# CANCELLED (a task that is being cancelled is still PENDING).
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("future:", fut._state)
    fut.set_result(1)
    print("future:", fut._state)
    other = loop.create_future()
    other.cancel()
    print("other:", other._state)
    quick = asyncio.create_task(work(1))
    slow = asyncio.create_task(work(5))
    print("tasks:", quick._state, slow._state)
    await asyncio.sleep(2)
    slow.cancel()
    print("tasks:", quick._state, slow._state)
    await asyncio.sleep(0)
    print("tasks:", quick._state, slow._state)


asyncio.run(main())
