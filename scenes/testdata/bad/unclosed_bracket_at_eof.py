# want: 5:25: '(' was never closed
import asyncio

async def main():
    await asyncio.gather(
        asyncio.sleep(1),
        asyncio.sleep(2),
