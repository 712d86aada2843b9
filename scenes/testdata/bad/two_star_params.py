# want: 4:30: * argument may appear only once
import asyncio

async def gather_all(*tasks, *more):
    return await asyncio.gather(*tasks, *more)
