# want: 4:25: duplicate argument 'delay' in function definition
import asyncio

async def worker(delay, delay):
    await asyncio.sleep(delay)
