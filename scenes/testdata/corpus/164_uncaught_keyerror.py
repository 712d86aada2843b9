# An uncaught KeyError: the traceback's last line shows the key's repr.
import asyncio

PRICES = {"espresso": 2.5, "latte": 3.5}


async def order(drink):
    await asyncio.sleep(0.5)
    price = PRICES[drink]
    print(f"{drink}: {price:.2f}")
    return price


async def main():
    total = 0
    for drink in ["latte", "espresso", "mocha"]:
        total += await order(drink)
    print("total", total)


asyncio.run(main())
