# want: 5:26: invalid syntax. Perhaps you forgot a comma?
import asyncio

async def main():
    await asyncio.gather(asyncio.sleep(1) asyncio.sleep(2))
