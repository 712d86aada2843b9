# Exception groups holding the scene's own exception classes: a TaskGroup
# whose children fail with them, the group's members, subgroup matching by
# class, and ExceptionGroup built by hand.
import asyncio


class FetchError(Exception):
    def __init__(self, url, status):
        super().__init__(f"{url} answered {status}")
        self.url = url
        self.status = status


class Timeout(FetchError):
    pass


async def fetch(url, delay, status):
    await asyncio.sleep(delay)
    if status == 408:
        raise Timeout(url, status)
    if status != 200:
        raise FetchError(url, status)
    return url


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("/a", 0.1, 200))
            tg.create_task(fetch("/b", 0.2, 500))
            tg.create_task(fetch("/c", 0.2, 408))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg)
        for e in eg.exceptions:
            print(" ", type(e).__name__, e.url, e.status, isinstance(e, FetchError))
        timeouts = eg.subgroup(lambda e: isinstance(e, Timeout))
        print("timeouts:", [str(e) for e in timeouts.exceptions])
    eg = ExceptionGroup("batch", [FetchError("/x", 404), Timeout("/y", 408), ValueError("v")])
    print(repr(eg.exceptions[1]), eg.exceptions[1].args)
    print(len(eg.exceptions), [type(e).__name__ for e in eg.exceptions])


asyncio.run(main())
