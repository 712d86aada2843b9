# raise ... from ... uncaught: the traceback shows both errors, and the
# last line is the outer one.
import asyncio


async def connect(port):
    await asyncio.sleep(0.1)
    try:
        return {"db": 5432}[port]
    except KeyError as e:
        raise RuntimeError(f"no service named {port!r}") from e


async def main():
    print("db ->", await connect("db"))
    print("cache ->", await connect("cache"))


asyncio.run(main())
