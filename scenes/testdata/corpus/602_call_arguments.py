# Every kind of parameter and argument: positional-only (/), keyword-only
# (after * or *args), **kwargs, * and ** unpacking in calls (several of
# each), and the TypeError CPython raises for each wrong call.
import asyncio


def describe(a, b=2, /, c=3, *rest, d, e=5, **options):
    return f"a={a} b={b} c={c} rest={rest} d={d} e={e} options={options}"


def connect(host, *, port=80, timeout):
    return f"{host}:{port} timeout={timeout}"


print(describe(1, d=4))
print(describe(1, 20, 30, 40, 50, d=4, verbose=True))
args = [1, 2]
more = (3, 4)
kw = {"d": "dee"}
extra = {"e": "eee", "color": "red"}
print(describe(*args, *more, **kw, **extra))
print(describe(*"xy", 0, *range(2), d=None, **{"z": 26}))
print(connect("example.org", timeout=1.5))
print(connect(*["localhost"], **{"port": 8080, "timeout": 3}))

wrong_calls = [
    lambda: connect("h", timeout=1, retries=3),
    lambda: connect("h"),
    lambda: connect("h", 81, timeout=1),
    lambda: connect(),
    lambda: connect("h", host="x", timeout=1),
    lambda: describe(),
    lambda: describe(1, a=1, d=1),
    lambda: describe(1),
    lambda: connect("h", **{"timeout": 1}, **{"timeout": 2}),
    lambda: connect("h", **{"timeout": 1}, timeout=2),
    lambda: connect("h", **["timeout"]),
    lambda: connect(*5),
    lambda: (lambda *, a, b: 0)(),
    lambda: (lambda a, b=1, *, c=1: 0)(1, 2, 3),
]
for call in wrong_calls:
    try:
        call()
    except TypeError as err:
        print("TypeError:", err)


async def fetch(name, *, delay, retries=0, **tags):
    await asyncio.sleep(delay)
    return f"{name} after {delay} (retries={retries}, tags={tags})"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    jobs = [("a", 0.3), ("b", 0.1)]
    coros = [fetch(name, delay=delay) for name, delay in jobs]
    results = await asyncio.gather(*coros, fetch("c", **{"delay": 0.2, "team": "x"}))
    for line in results:
        print(f"{loop.time() - t0:.1f} {line}")
    settings = {"delay": 0.1, "retries": 2}
    task = asyncio.create_task(fetch("d", **settings, owner="me"))
    print(f"{loop.time() - t0:.1f} {await task}")
    try:
        await fetch("e", 0.1)
    except TypeError as err:
        print("TypeError:", err)
    first, *others = await asyncio.gather(*(fetch(n, delay=0.1) for n in "xyz"))
    print(first)
    print(len(others), [*others, *["end"]][-1])


asyncio.run(main())
