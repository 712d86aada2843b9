# want: 6:8: unexpected indent
import asyncio

async def main():
    print("start")
        await asyncio.sleep(1)

asyncio.run(main())
