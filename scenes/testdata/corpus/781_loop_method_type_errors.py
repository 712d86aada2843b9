# Calling the event loop's methods wrongly: the TypeErrors name the method
# as CPython does (BaseEventLoop.call_soon(), ...).
import asyncio


def hello(who):
    print("hello", who)


def bye():
    print("bye")


async def work():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    attempts = [
        lambda: loop.call_soon(hello, "a", x=1),
        lambda: loop.call_later(1, hello, "b", delay=2),
        lambda: loop.call_at(loop.time() + 1, hello, "c", when=1, x=0),
        lambda: loop.run_in_executor(None, hello, "d", timeout=5),
        lambda: loop.call_soon(),
        lambda: loop.call_later(1),
        lambda: loop.run_in_executor(),
        lambda: loop.is_closed(now=True),
        lambda: loop.get_debug(False),
        lambda: loop.is_running(1, 2),
        lambda: loop.stop(later=True),
        lambda: loop.create_future(loop),
        lambda: loop.shutdown_asyncgens(1),
        lambda: loop.shutdown_default_executor(wait=True),
        lambda: loop.run_forever(forever=True),
        lambda: loop.set_default_executor(None, None),
        lambda: loop.call_soon_threadsafe(hello, who="e"),
    ]
    for attempt in attempts:
        try:
            attempt()
        except TypeError as e:
            print("TypeError:", e)
    coro = work()
    try:
        loop.create_task(coro, x=1)
    except TypeError as e:
        print("TypeError:", e)
    print(await loop.create_task(coro, name="named"))
    loop.call_soon(callback=bye)
    loop.call_later(0.5, hello, "later", context=None)
    await asyncio.sleep(1)


asyncio.run(main())
