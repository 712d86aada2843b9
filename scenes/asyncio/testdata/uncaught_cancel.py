# The main task is cancelled from a callback: asyncio.run raises
# CancelledError, which ends the scene.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    loop.call_later(0.5, me.cancel)
    try:
        await asyncio.sleep(2)
    finally:
        print("finally at", loop.time())


asyncio.run(main())
