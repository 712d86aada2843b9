# De-duplicating concurrent lookups: the first caller starts the work,
# later callers await the same future.
import asyncio

cache = {}
calls = []


async def expensive_lookup(key):
    calls.append(key)
    await asyncio.sleep(1)
    return key.upper()


async def get(key):
    if key not in cache:
        cache[key] = asyncio.create_task(expensive_lookup(key))
    return await cache[key]


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(get("a"), get("b"), get("a"), get("a"), get("b"))
    print(f"{loop.time() - t0:.1f} results {results}")
    print("real lookups:", calls)
    print("cached now:", await get("a"), "| lookups still", len(calls))


asyncio.run(main())
