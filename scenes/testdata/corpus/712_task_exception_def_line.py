# A task that fails with nobody awaiting it: CPython logs "Task exception
# was never retrieved" with the task's repr, whose coro=<...> names the
# line of the `async def`, not the line that raised.
import asyncio


async def fetch(
    url,
    retries=3,
):
    await asyncio.sleep(0.5)
    if retries:
        raise ConnectionError(f"cannot reach {url}")


async def main():
    task = asyncio.create_task(fetch("example.com"))
    await asyncio.sleep(1)
    print("the task failed quietly:", task.done())


asyncio.run(main())
print("the program still exits with status 0")
