# Inside a coroutine there is exactly one running loop; both
# get_running_loop() and get_event_loop() return it.
import asyncio


async def helper(loop_seen_by_main):
    mine = asyncio.get_running_loop()
    print("helper sees the same loop:", mine is loop_seen_by_main)


async def main():
    running = asyncio.get_running_loop()
    legacy = asyncio.get_event_loop()
    print("get_event_loop() is get_running_loop():", legacy is running)
    print("loop is running:", running.is_running())
    await helper(running)
    fut = running.create_future()
    print("a future made by this loop:", type(fut).__name__, fut.done())
    running.call_soon(fut.set_result, 42)
    print("future result after one turn:", await fut)


asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside asyncio.run:", e)
