# Every task waits for something that can never happen.
import asyncio


async def waiter(ev):
    await ev.wait()


async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev), name="waiter")
    fut = loop.create_future()
    await fut
    await t


asyncio.run(main())
