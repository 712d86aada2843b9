# want: 7:19: asyncio.run_coroutine_threadsafe is not supported in scenes
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    coro = asyncio.sleep(1)
    fut = asyncio.run_coroutine_threadsafe(coro, loop)
    asyncio.run_coroutine_threadsafe(coro, loop)

asyncio.run(main())
