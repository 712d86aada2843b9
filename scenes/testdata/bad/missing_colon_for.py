# want: 5:22: expected ':'
import asyncio

async def main():
    for i in range(3)
        await asyncio.sleep(i)

asyncio.run(main())
