# A chained comparison a < b < c evaluates b once and stops at the first
# false link; each link may be any comparison (in, is, ==). In coroutines
# the operands may await.
import asyncio


def val(label, v):
    print("  evaluating", label)
    return v


print(val("a", 1) < val("b", 5) < val("c", 10))
print(val("a", 1) < val("b", 0) < val("c", 10))
print(1 < 2 > 0 == 0.0 != 1)
x = 7
print(0 <= x < 10, 0 <= x < 5, x in [7] is not None, 3 < x in range(10))
print([n for n in range(20) if 3 < n <= 6 or 15 <= n < 17])
s = "m"
print("a" <= s <= "z", "A" <= s <= "Z")
try:
    print(1 < "two" < 3)
except TypeError as e:
    print("TypeError:", e)


async def reading(name, value, delay):
    await asyncio.sleep(delay)
    print(f"  read {name}")
    return value


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    low, high = 10, 30
    ok = low < await reading("temperature", 21, 0.2) < high
    print(f"{loop.time() - t0:.1f} in range: {ok}")
    ok = await reading("min", 5, 0.1) < await reading("value", 3, 0.1) < await reading("max", 9, 0.1)
    print(f"{loop.time() - t0:.1f} in range: {ok}")
    values = await asyncio.gather(*(reading(f"r{i}", i * 7 % 10, 0.1) for i in range(5)))
    print(f"{loop.time() - t0:.1f}", [v for v in values if 2 < v < 8])


asyncio.run(main())
