# Matching the shapes of API replies inside coroutines: mapping patterns
# with nested sequences and captures, guards that use the walrus, and a
# fallback that reports what it got.
import asyncio

REPLIES = {
    "/users/1": {"status": 200, "data": {"id": 1, "name": "Ann", "tags": ["admin", "ops"]}},
    "/users/2": {"status": 200, "data": {"id": 2, "name": "Bob", "tags": []}},
    "/orders": {"status": 200, "data": [{"id": 7, "total": 30.5}, {"id": 8, "total": 12.0}]},
    "/missing": {"status": 404, "error": "not found"},
    "/busy": {"status": 503, "retry_after": 2},
    "/weird": ["not", "a", "dict"],
}


async def get(path):
    await asyncio.sleep(0.1)
    return REPLIES[path]


def summarize(reply):
    match reply:
        case {"status": 200, "data": {"name": str(name), "tags": [first, *others]}}:
            return f"user {name}, tags {first} (+{len(others)})"
        case {"status": 200, "data": {"name": name, "tags": []}}:
            return f"user {name}, no tags"
        case {"status": 200, "data": [*orders]} if (n := len(orders)) > 1:
            return f"{n} orders, total {sum(o['total'] for o in orders)}"
        case {"status": 404 | 410 as code, "error": message}:
            return f"gone ({code}): {message}"
        case {"status": status, **rest} if status >= 500:
            return f"server busy, {rest}"
        case other:
            return f"unexpected reply {other!r}"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    replies = await asyncio.gather(*(get(p) for p in REPLIES))
    for path, reply in zip(REPLIES, replies):
        print(f"{loop.time() - t0:.1f} {path}: {summarize(reply)}")


asyncio.run(main())
