# If the main task itself is cancelled, asyncio.run raises CancelledError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    loop.call_later(1, me.cancel)
    try:
        print("main sleeps for 5 seconds")
        await asyncio.sleep(5)
    finally:
        print("main's finally runs")


asyncio.run(main())
