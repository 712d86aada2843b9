# gather of gathers: results nest the same way; gather() of nothing is [].
import asyncio


async def value(v, delay):
    await asyncio.sleep(delay)
    return v


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    empty = await asyncio.gather()
    print("gather() ->", empty)
    nested = await asyncio.gather(
        asyncio.gather(value(1, 0.5), value(2, 0.25)),
        asyncio.gather(value("a", 0.75)),
        value(None, 0.1),
    )
    print("nested ->", nested)
    print(f"took {loop.time() - t0:.2f}s")
    flat = [x for group in nested[:2] for x in group]
    print("flattened ->", flat)


asyncio.run(main())
