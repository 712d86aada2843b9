# Asking a pending future for its result or exception is an error, and so
# is asking a cancelled one for its exception.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for method in (fut.result, fut.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    fut.cancel()
    try:
        fut.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled future raises CancelledError")
    other = loop.create_future()
    other.set_exception(ValueError)
    print("set_exception(ValueError) stores an instance:", repr(other.exception()))
    try:
        other.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)


asyncio.run(main())
