# yield from delegates to a sub-generator: values it yields pass through,
# sends and throws go on to it, and its return value is the result of the
# yield from expression. Sync generators feed an asyncio program here.
import asyncio


def numbers():
    yield from range(3)


def averager():
    total, count = 0, 0
    while True:
        x = yield
        if x is None:
            return total / count
        total += x
        count += 1


def grouper(results, key):
    while True:
        results[key] = yield from averager()


def catcher():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("sub caught", repr(e))
        yield "recovered"
    finally:
        print("sub finally")
    return "sub-ret"


def outer():
    try:
        r = yield from catcher()
        print("outer got", r)
        yield "after"
    finally:
        print("outer finally")


def chain(*iterables):
    for it in iterables:
        yield from it


def depth(n):
    if n == 0:
        yield "leaf"
        return 0
    d = yield from depth(n - 1)
    return d + 1


async def produce(queue, items):
    for item in chain(items, numbers()):
        await asyncio.sleep(0.1)
        await queue.put(item)
    await queue.put(None)


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for n in numbers():
        print("number", n)

    results = {}
    for key, values in [("a", [1, 2, 3]), ("b", [10, 20])]:
        g = grouper(results, key)
        next(g)
        for v in values:
            g.send(v)
        g.send(None)
    print("averages", results)

    g = outer()
    print(next(g))
    print(g.throw(KeyError("k")))
    print(next(g))
    g.close()
    g = outer()
    print(next(g))
    g.close()
    g = outer()
    next(g)
    try:
        g.throw(ValueError("v"))
    except ValueError as e:
        print("propagated", e)

    g = depth(3)
    print(next(g))
    try:
        next(g)
    except StopIteration as e:
        print("depth", e.value)

    queue = asyncio.Queue()
    task = asyncio.create_task(produce(queue, "xy"))
    while True:
        item = await queue.get()
        if item is None:
            break
        print(f"{loop.time() - t0:.1f} got {item!r}")
    await task

    def bad():
        yield from 5
    try:
        list(bad())
    except TypeError as e:
        print(e)


asyncio.run(main())
