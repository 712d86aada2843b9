# A failing assert without a message: the last line is just AssertionError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    stock = 3
    for order in [1, 1, 2]:
        await asyncio.sleep(0.5)
        stock -= order
        print(f"{loop.time() - t0:.1f} shipped {order}, stock {stock}")
        assert stock >= 0


asyncio.run(main())
