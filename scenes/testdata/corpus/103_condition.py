# A Condition pairs a lock with wait/notify: consumers wait until the
# producer says there is something for them.
import asyncio


async def consumer(name, cond, stock, loop, t0):
    async with cond:
        while not stock:
            await cond.wait()
        item = stock.pop(0)
        print(f"{loop.time() - t0:.1f} {name} took {item}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    cond = asyncio.Condition()
    stock = []
    consumers = [asyncio.create_task(consumer(n, cond, stock, loop, t0)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0.5)
    async with cond:
        stock.append("bread")
        cond.notify()
    await asyncio.sleep(0.5)
    async with cond:
        stock.extend(["milk", "eggs"])
        cond.notify_all()
    await asyncio.gather(*consumers)
    print("stock left:", stock)


asyncio.run(main())
