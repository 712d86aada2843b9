# want: 5:41: positional argument follows keyword argument
import asyncio

async def main():
    await asyncio.sleep(result="late", 1)

asyncio.run(main())
