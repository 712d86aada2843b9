# want: 4:28: non-default argument follows default argument
import asyncio

async def worker(name="w", delay):
    await asyncio.sleep(delay)
