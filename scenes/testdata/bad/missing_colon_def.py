# want: 4:17: expected ':'
import asyncio

async def main()
    await asyncio.sleep(1)

asyncio.run(main())
