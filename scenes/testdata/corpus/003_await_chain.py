# Coroutines awaiting coroutines: values flow back up the chain,
# and the sleeps deep inside move the one clock everybody shares.
import asyncio
import time

START = time.monotonic()


def stamp():
    return f"{time.monotonic() - START:.1f}"


async def fetch_price(item):
    await asyncio.sleep(0.5)
    prices = {"apple": 3, "pear": 4, "plum": 2}
    print(stamp(), "price of", item, "is", prices[item])
    return prices[item]


async def basket_total(items):
    total = 0
    for item in items:
        total += await fetch_price(item)
    return total


async def checkout():
    total = await basket_total(["apple", "pear", "plum"])
    tax = await fetch_price("plum")
    return total + tax


async def main():
    amount = await checkout()
    print(stamp(), "to pay:", amount)


asyncio.run(main())
