# Nothing will ever set the event: CPython waits forever in select.
import asyncio


async def waiter(ev):
    print("waiting")
    await ev.wait()
    print("never")


async def main():
    ev = asyncio.Event()
    await asyncio.gather(waiter(ev), asyncio.sleep(1))


asyncio.run(main())
