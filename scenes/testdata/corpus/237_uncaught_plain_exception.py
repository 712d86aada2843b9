# Raising the base Exception class with a message, uncaught, from a
# callback-completed future that main awaits.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.25, fut.set_exception, Exception("the payment provider said no"))
    print("waiting for the payment...")
    await fut


asyncio.run(main())
