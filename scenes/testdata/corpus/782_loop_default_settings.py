# A fresh loop's settings: no debug mode, no task factory, no custom
# exception handler.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug())
    print("task factory:", loop.get_task_factory())
    print("exception handler:", loop.get_exception_handler())
    print("running:", loop.is_running(), "closed:", loop.is_closed())
    try:
        loop.get_task_factory(None)
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.get_exception_handler(handler=None)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
