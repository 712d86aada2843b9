# gather runs awaitables concurrently and returns their results in the
# order they were passed, whatever order they finish in.
import asyncio


async def cook(dish, minutes):
    loop = asyncio.get_running_loop()
    print(f"  start {dish}")
    await asyncio.sleep(minutes)
    print(f"  {dish} ready after {minutes} min")
    return dish.upper()


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(cook("rice", 3), cook("curry", 2), cook("naan", 1))
    print(f"{loop.time() - t0:.0f} minutes total, not 6")
    print("results keep the call order:", results)


asyncio.run(main())
