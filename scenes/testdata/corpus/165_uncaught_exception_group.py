# A failing TaskGroup that nobody catches: the program ends with an
# ExceptionGroup traceback.
import asyncio


async def fetch(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(f"{name} returned garbage")
    print(f"{name} fetched")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch("users", 0.25))
        tg.create_task(fetch("orders", 0.5, fail=True))
        tg.create_task(fetch("invoices", 2))
    print("never printed")


asyncio.run(main())
