# namedtuple records returned by tasks, and an OrderedDict used as a small
# LRU of the most recently seen hosts.
import asyncio
from collections import OrderedDict, namedtuple

Result = namedtuple("Result", "host latency ok")
Point = namedtuple("Point", ["x", "y"], defaults=[0])


async def ping(host, latency):
    await asyncio.sleep(latency)
    return Result(host, latency, latency < 0.3)


async def main():
    results = await asyncio.gather(ping("a.example", 0.2), ping("b.example", 0.5), ping("c.example", 0.1))
    for r in results:
        print(r, r.host, r[1], r.ok)
    print(sorted(results, reverse=True)[0], Point(1, 2) < (1, 3), sorted([Point(2), Point(1, 5), Point(1)]))
    fastest = min(results, key=lambda r: r.latency)
    print("fastest:", fastest._asdict(), fastest._replace(ok=None))
    host, latency, ok = fastest
    print(host, latency, ok, len(fastest), fastest == ("c.example", 0.1, True), Result._fields)
    print(Point(1), Point(1, 2) + (3,), Point._make([5, 6]), Point._field_defaults)
    try:
        Point()
    except TypeError as e:
        print("TypeError:", e)
    try:
        fastest.host = "z"
    except AttributeError as e:
        print("AttributeError:", e)

    lru = OrderedDict()
    for host in ["a", "b", "c", "a", "d", "b", "e"]:
        if host in lru:
            lru.move_to_end(host)
        lru[host] = lru.get(host, 0) + 1
        if len(lru) > 3:
            print("evict", lru.popitem(last=False))
        await asyncio.sleep(0.1)
    print(lru, list(lru), OrderedDict())
    lru.move_to_end("b", last=False)
    print(lru.popitem(), lru)


asyncio.run(main())
