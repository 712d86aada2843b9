# want: 5:53: keyword argument repeated: name
import asyncio

async def main():
    asyncio.create_task(asyncio.sleep(1), name="a", name="b")
