# An error in a done-callback is only logged, but an error in main ends
# the program; the later one decides the exit status.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: 1 / 0)
    fut.set_result("ok")
    await asyncio.sleep(0.5)
    print("main: the callback error did not stop me")
    raise ZeroDivisionError("and this one ends the program")


asyncio.run(main())
