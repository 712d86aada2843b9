# want: 7:22: invalid syntax
import asyncio

async def main():
    try:
        await asyncio.sleep(1)
    except Exception e:
        print(e)
