# Generator expressions are lazy: nothing runs until they are iterated,
# the first iterable is evaluated at once (in the enclosing scope), and an
# exhausted one stays empty. Inside a coroutine, an async generator
# expression (async for, or await in the element) is iterated with async for.
import asyncio


def noisy(label, values):
    print("evaluating", label)
    return values


def square(x):
    print("  squaring", x)
    return x * x


gen = (square(x) for x in noisy("first iterable", [1, 2, 3]))
print(type(gen).__name__, "made; nothing squared yet")
print("next ->", next(gen))
print("rest ->", list(gen))
print("again ->", list(gen))
print(sum(x * x for x in range(5)), any(x > 3 for x in [1, 5]), all(x for x in []))
print(tuple(c.upper() for c in "abc"), max((len(w) for w in ["a", "bbb", "cc"]), default=0))
print(sorted((x % 3, x) for x in range(6)), dict((k, len(k)) for k in ["ab", "c"]))
print(", ".join(str(n) for n in range(3)), set(x // 2 for x in range(4)) == {0, 1})
pairs = list((x, y) for x in range(3) for y in "ab" if x != 1)
print(pairs)
try:
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("raised while iterating:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("raised at once:", e)


async def ticks(n, step):
    for i in range(n):
        await asyncio.sleep(step)
        yield i


async def scaled(x):
    await asyncio.sleep(0.1)
    return x * 10


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    evens = (i for i in range(10) if i % 2 == 0)
    total = 0
    for i in evens:
        await asyncio.sleep(0.05)
        total += i
    print(f"{loop.time() - t0:.2f} total {total}")
    agen = (i * i async for i in ticks(3, 0.1))
    print(type(agen).__name__)
    async for sq in agen:
        print(f"{loop.time() - t0:.2f} square {sq}")
    awaited = (await scaled(x) for x in range(3))
    print(f"{loop.time() - t0:.2f}", [v async for v in awaited])
    results = await asyncio.gather(*(scaled(x) for x in range(4)))
    print(f"{loop.time() - t0:.2f} gathered {results}, sum {sum(r for r in results)}")


asyncio.run(main())
