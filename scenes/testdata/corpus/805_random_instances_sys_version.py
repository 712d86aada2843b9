# random.Random instances keep generators of their own; older tutorials
# check sys.version_info before choosing asyncio.run.
import asyncio
import random
import sys


async def player(name, rng):
    total = 0
    for _ in range(3):
        roll = rng.randint(1, 6)
        total += roll
        await asyncio.sleep(roll / 10)
    print(name, total, round(rng.random(), 4))
    return total


async def main():
    alice, bob = random.Random(1), random.Random("bob")
    totals = await asyncio.gather(player("alice", alice), player("bob", bob))
    print(totals, random.Random(1).randint(1, 6) == random.Random(1).randint(1, 6))
    print(sys.version_info[:2], sys.version_info.major, sys.platform, random.__name__)


if sys.version_info >= (3, 7):
    asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
