# as_completed hands back results in the order they finish.
import asyncio


async def quote(shop, seconds, price):
    await asyncio.sleep(seconds)
    return shop, price


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [
        asyncio.create_task(quote("north", 1.5, 120)),
        asyncio.create_task(quote("south", 0.5, 135)),
        asyncio.create_task(quote("east", 1.0, 99)),
        asyncio.create_task(quote("west", 2.0, 101)),
    ]
    best = None
    for next_done in asyncio.as_completed(tasks):
        shop, price = await next_done
        if best is None or price < best[1]:
            best = (shop, price)
        print(f"{loop.time() - t0:.1f} {shop:<6} quotes {price:>4}; best so far {best[0]}")
    print(f"final choice: {best[0]} at {best[1]}")


asyncio.run(main())
