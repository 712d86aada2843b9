# A future can fail: set_exception stores an error that await re-raises.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_exception, ValueError("sensor unplugged"))
    try:
        await fut
    except ValueError as e:
        print("await raised:", repr(e))
    print("done:", fut.done(), "cancelled:", fut.cancelled())
    err = fut.exception()
    print("exception():", type(err).__name__, err)
    try:
        fut.result()
    except ValueError as e:
        print("result() raises it again:", e)

    ok = loop.create_future()
    ok.set_result(3)
    print("a successful future's exception():", ok.exception())


asyncio.run(main())
