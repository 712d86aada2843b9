# A callback that raises, or that is not callable at all, does not stop the
# loop: CPython 3.11 accepts anything in call_soon/call_later/call_at
# (it checks only in debug mode) and its default exception handler logs
# the error on stderr when the loop runs the handle.
import asyncio


def fragile(n):
    print(f"fragile({n})")
    if n == 2:
        raise ZeroDivisionError("division by zero")


def on_done(fut):
    raise KeyError(fut.result())


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(42)
    print(h)
    loop.call_later(0.5, "not a function", 1, 2)
    print(loop.call_at(loop.time() + 1, None))
    loop.call_soon_threadsafe([1, 2])
    for n in range(1, 4):
        loop.call_soon(fragile, n)
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    fut.set_result("missing")
    await asyncio.sleep(2)
    print("the loop survived")


asyncio.run(main())
