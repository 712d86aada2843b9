# want: 8:1: 'return' outside function
import asyncio

async def main():
    await asyncio.sleep(1)

asyncio.run(main())
return 0
