# Starred expressions outside assignments: in return and yield values, in
# subscripts (a tuple key), in for targets, and around awaited results.
import asyncio


def pair(first, *rest):
    return first, *rest


def tagged(items):
    yield *items, "end"


grid = {(0, 1): "x", (1, 2): "y"}
where = (1, 2)
print(pair(1, 2, 3), list(tagged([1, 2])), grid[*where], grid[0, *[1]])
for head, *tail in [(1, 2, 3), (4,)]:
    print(head, tail)


async def value(v, delay):
    await asyncio.sleep(delay)
    return v


async def collect(*coros):
    return *await asyncio.gather(*coros), "all done"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await collect(value(1, 0.2), value(2, 0.1)), f"{loop.time() - t0:.1f}")
    first, *rest = await collect(*(value(i, 0.1) for i in range(3)))
    print(first, rest, f"{loop.time() - t0:.1f}")
    key = await value((0, 1), 0.1)
    print(grid[*key], f"{loop.time() - t0:.1f}")


asyncio.run(main())
