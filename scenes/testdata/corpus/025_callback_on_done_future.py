# Adding a callback to a future that is already done does not call it at
# once: it is scheduled with call_soon, behind what is already queued.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("ready")
    loop.call_soon(print, "call_soon queued first")
    fut.add_done_callback(lambda f: print("late callback sees", f.result()))
    loop.call_soon(print, "call_soon queued last")
    print("main continues before any of them")
    await asyncio.sleep(0)
    print("main after one turn")


asyncio.run(main())
