# Awaiting one thing after another: each await suspends main() until the
# sleep is over, so the steps add up.
import asyncio


async def brew_coffee():
    print("  kettle on")
    await asyncio.sleep(2)
    print("  coffee ready")
    return "coffee"


async def toast_bread():
    print("  bread in the toaster")
    await asyncio.sleep(1)
    print("  toast popped")
    return "toast"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(f"{loop.time() - t0:.1f} start breakfast")
    drink = await brew_coffee()
    print(f"{loop.time() - t0:.1f} got {drink}")
    food = await toast_bread()
    print(f"{loop.time() - t0:.1f} got {food}")
    print(f"{loop.time() - t0:.1f} breakfast took {loop.time() - t0:.0f} seconds")


asyncio.run(main())
