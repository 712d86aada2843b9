# Closures, comprehensions and declarations whose scopes
# TestScopesMatchCPython compares with CPython's symtable. It is not a
# chunk file: the whole file must resolve.
import asyncio

counter = 0


def make_counter(step=1):
    count = 0

    def tick():
        nonlocal count
        count += step
        return count

    def peek():
        return lambda: count

    return tick, peek


def shadow(x):
    def inner():
        x = 2
        return x

    return inner() + x


def through():
    a = 1

    def middle():
        def bottom():
            return a

        return bottom

    return middle


def bump():
    global counter
    counter += 1
    return [counter for _ in range(2)]


def comps(xs, ys):
    pairs = [(x, y) for x in xs for y in ys if x != y]
    table = {x: [y * x for y in ys] for x in xs}
    gen = (lambda: x for x in xs)
    nested = [[x + y for y in ys] for x in xs]
    total = sum(x for x in xs)
    return pairs, table, gen, nested, total


async def worker(name, q):
    results = []

    async def one(item):
        await asyncio.sleep(0)
        results.append((name, item))

    while not q.empty():
        await one(q.get_nowait())
    return [r async for r in agen(results)]


async def agen(items):
    for i in items:
        yield i


def defaults(a, b=lambda: counter, *args, c=[i for i in range(3)], **kw):
    def use():
        return a, args, kw

    return use


def deleted():
    x = 1
    del x

    def later():
        return y

    y = 2
    return later


def except_name():
    try:
        raise ValueError("boom")
    except ValueError as e:
        return lambda: e


def loop_closures():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i)
    j = 0
    while j < 3:
        fs.append(lambda: j)
        j += 1
    return fs


def make_class(base, step):
    hidden = "outer"
    shadowed = 1

    class Made(base):
        shadowed = 2
        label = hidden
        items = [step * i for i in range(3)]

        def get(self):
            return shadowed, step

        def up(self):
            return super().up(), __class__

        class Inner:
            def inner(self):
                return super().inner()

    return Made


class Top:
    x = 1

    def m(self):
        return [x for x in range(2)], super()

    @staticmethod
    def s():
        return lambda: super
