# want: 4:18: named arguments must follow bare *
import asyncio

async def worker(*):
    await asyncio.sleep(1)
