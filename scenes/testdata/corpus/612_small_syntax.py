# Small things real programs do: print(*xs), del and augmented assignment
# on subscripts and attributes, global declared in a function that creates
# the name, assert with a message, an import inside try, lambda defaults
# capturing loop values, nested f-strings and format specs, slices with
# steps, positional-only parameters.
import asyncio

try:
    import json as json_lib
except ImportError:
    json_lib = None
print("json:", json_lib.dumps({"ok": True}))

items = [5, 3, 8, 1]
print(*items)
print(*items, sep=", ", end=".\n")
stock = {"apples": [3, 4], "pears": {"count": 2}}
stock["apples"][0] += 10
stock["pears"]["count"] *= 3
del stock["apples"][1]
print(stock)
del items[1:3], items[0]
print(items)


class Counter:
    pass


c = Counter()
c.hits = 1
c.hits += 2
c.hits **= 2
print(c.hits)
del c.hits
print(hasattr(c, "hits"))


def setup():
    global settings
    settings = {"debug": True}


setup()
print(settings)

total = 0


def add(n, /, step=1):
    global total
    total += n * step
    return total


add(2)
add(3, step=2)
print(total)
try:
    add(n=1)
except TypeError as e:
    print("TypeError:", e)

callbacks = [lambda i=i: i * i for i in range(4)]
print([cb() for cb in callbacks])
scale = lambda x, factor=2, *rest, **kw: (x * factor, rest, kw)
print(scale(3), scale(3, 10, 1, 2, unit="m"))

width, precision = 10, 3
value = 3.14159265
name = "pi"
print(f"{name!r:>6}|{value:{width}.{precision}f}|{f'{value:.2f}':*^{width}}|{value=:.1f}")
print(f"{'nested ' + f'{name.upper()}'}|{items!s:>8}|{ {'k': 1}['k'] }|{'%d%%' % 50}")
text = "abcdefgh"
print(text[::2], text[::-1], text[-3:], text[1:7:3], items[::-1])

try:
    assert total > 100, f"total is only {total}"
except AssertionError as e:
    print("AssertionError:", e)


async def worker(name, delay, results):
    await asyncio.sleep(delay)
    results[name] = results.get(name, 0) + 1
    results["calls"] += 1


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = {"calls": 0}
    await asyncio.gather(*(worker(n, d, results) for n, d in [("a", 0.2), ("b", 0.1), ("a", 0.3)]))
    print(f"{loop.time() - t0:.1f}", *sorted(results.items()), sep=" ")
    assert results["calls"] == 3, "every worker ran"
    del results["calls"]
    print(f"{loop.time() - t0:.1f} {results}")


asyncio.run(main())
