# want: 2:8: module 'signal' is not available in scenes: a playground cannot send or receive signals. To stop a loop after a while, use async with asyncio.timeout(5): or cancel the task (task.cancel())
import signal
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGINT, print, "bye")
    await asyncio.sleep(1)

asyncio.run(main())
