# want: 4:15: expected '('
import asyncio

async def main:
    await asyncio.sleep(1)
