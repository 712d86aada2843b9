import asyncio
import time


def greet(name, *, punct="!", delay=0.5):
    time.sleep(delay)
    return f"hello {name}{punct}"


def boom():
    time.sleep(0.1)
    return 1 / 0


async def main():
    a = asyncio.to_thread(greet, "ann", punct="?")
    b = asyncio.to_thread(greet, "bob", delay=0.2)
    print(await asyncio.gather(a, b), asyncio.get_running_loop().time())
    try:
        await asyncio.to_thread(boom)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


asyncio.run(main())
