# An exception group nobody handles ends the program; CPython prints it in
# boxes: each member with its own traceback, nested groups inside, notes
# under the message, and chained exceptions inside a box.
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    if name == "db":
        try:
            raise ConnectionError("db unreachable")
        except ConnectionError as e:
            raise RuntimeError("fetch failed") from e
    err = TimeoutError(f"{name} too slow")
    err.add_note(f"after {delay} s")
    raise err


async def batch(names):
    async with asyncio.TaskGroup() as tg:
        for i, name in enumerate(names):
            tg.create_task(fetch(name, 0.1 * (i + 1)))


async def main():
    try:
        await batch(["api", "db"])
    except* TimeoutError as eg:
        print("timeouts:", [str(e) for e in eg.exceptions])
        raise ExceptionGroup("giving up", [ValueError("no data"), *eg.exceptions])


asyncio.run(main())
