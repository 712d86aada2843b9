# An exception inside a plain callback does not stop the loop: the loop
# reports it (on stderr) and carries on with the next callback.
import asyncio


def fragile(n):
    print(f"fragile({n}) runs")
    if n == 2:
        raise ZeroDivisionError("division by zero in a callback")
    print(f"fragile({n}) ok")


async def main():
    loop = asyncio.get_running_loop()
    for n in range(1, 4):
        loop.call_soon(fragile, n)
    await asyncio.sleep(0.5)
    print("the loop survived")


asyncio.run(main())
