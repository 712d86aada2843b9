# want: 3:6: module 'random' is not supported in scenes (supported: ...)
import asyncio
from random import random

async def main():
    await asyncio.sleep(random())

asyncio.run(main())
