# When a future completes, everything waiting on it is scheduled in the
# order it started waiting: a task's wakeup and plain done-callbacks alike.
import asyncio


async def sleeper(name, fut):
    value = await fut
    print(f"task {name} woke with {value}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1"))
    first = asyncio.create_task(sleeper("first", fut))
    await asyncio.sleep(0)  # first now waits on fut
    fut.add_done_callback(lambda f: print("callback 2"))
    second = asyncio.create_task(sleeper("second", fut))
    await asyncio.sleep(0)  # second now waits on fut
    fut.add_done_callback(lambda f: print("callback 3"))
    loop.call_soon(print, "call_soon before set_result")
    fut.set_result("go")
    loop.call_soon(print, "call_soon after set_result")
    await first
    await second


asyncio.run(main())
