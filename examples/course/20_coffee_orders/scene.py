# loopscope: speed=0.75
# A café with one barista per drink: the orders are taken in one order
# and come out in another. Which comes first, and at what time?
import asyncio


async def make(drink, seconds):
    print(f"{drink}: started")
    await asyncio.sleep(seconds)
    print(f"{drink}: ready after {seconds}s")
    return drink


async def main():
    drinks = await asyncio.gather(
        make("latte", 3),
        make("espresso", 1),
        make("tea", 2),
    )
    print("served in the order asked:", drinks)


asyncio.run(main())
