# want: 6:9: cannot delete function call
import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    del t.cancel()
