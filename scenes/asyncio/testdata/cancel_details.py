# cancel(msg), cancelling(), uncancel(), cancel before the first step,
# cancelling a task that swallows it, callbacks that raise.
import asyncio


async def swallow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("swallowed", e.args, asyncio.current_task().cancelling())
        asyncio.current_task().uncancel()
    await asyncio.sleep(0.5)
    return "survived"


async def never_started():
    print("never printed")


def bad_callback():
    raise RuntimeError("callback failed")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(swallow())
    await asyncio.sleep(0.1)
    print(t.cancel("stop please"), t.cancelling())
    print(await t, t.cancelling())
    n = asyncio.create_task(never_started())
    n.cancel()
    try:
        await n
    except asyncio.CancelledError:
        print("cancelled before start", n.cancelled())
    loop.call_soon(bad_callback)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback sees", f.result()))
    loop.call_later(0.2, fut.set_result, "value")
    print(await fut)
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print("late callback", f.done()))
    await asyncio.sleep(0)
    f2 = loop.create_future()
    cb = lambda f: print("removed, never printed")
    f2.add_done_callback(cb)
    print("removed", f2.remove_done_callback(cb))
    f2.cancel()
    await asyncio.sleep(0)
    print(f2.cancelled(), t.done(), t.cancelled())


asyncio.run(main())
