# Independent awaits in sequence: two fetches that do not depend on each
# other, awaited one after the other while the loop has nothing else to
# do, take 1.0 s + 1.0 s where gather takes 1.0 s. The later pairs are not
# mistakes: the second uses the first's result, or they run concurrently.
import asyncio
import time


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return name.upper()


async def main():
    start = time.monotonic()
    a = await fetch("a", 1.0)
    b = await fetch("b", 1.0)  # mistake: sequential-awaits
    print(a, b, time.monotonic() - start)
    user = await fetch("ann", 0.5)
    orders = await fetch(user, 0.5)
    print(user, orders)
    c, d = await asyncio.gather(fetch("c", 1.0), fetch("d", 1.0))
    print(c, d, time.monotonic() - start)


asyncio.run(main())
