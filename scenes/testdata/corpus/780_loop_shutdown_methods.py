# The old way to run a program: a loop by hand, closed after shutting down
# its async generators and its default executor, as asyncio.run does.
import asyncio
import time


def blocking(n):
    time.sleep(n)
    return n * 10


async def ticker():
    for i in range(3):
        yield i
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    print("from the executor:", await loop.run_in_executor(None, blocking, 1))
    async for i in ticker():
        print("tick", i, loop.time())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    loop.run_until_complete(main())
finally:
    print(loop.run_until_complete(loop.shutdown_asyncgens()))
    print(loop.run_until_complete(loop.shutdown_default_executor()))
    loop.close()
print(loop.is_closed(), loop.is_running())
