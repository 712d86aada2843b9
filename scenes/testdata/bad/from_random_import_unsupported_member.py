# want: 3:20: random.betavariate is not supported in scenes
import asyncio
from random import betavariate

async def main():
    await asyncio.sleep(betavariate(2, 5))

asyncio.run(main())
