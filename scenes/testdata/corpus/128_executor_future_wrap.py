# run_in_executor returns an asyncio future wrapping the thread's
# concurrent future: it can be awaited, checked and given callbacks.
import asyncio
import time


def compute():
    time.sleep(1)
    return "computed"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, compute)
    print("type:", type(fut).__name__, "| done:", fut.done())
    fut.add_done_callback(lambda f: print("callback on the loop thread:", f.result()))
    value = await fut
    print("awaited:", value)
    await asyncio.sleep(0)


asyncio.run(main())
