# want: 6:5: can't use starred expression here
import asyncio

async def main():
    tasks = [asyncio.sleep(0), asyncio.sleep(0)]
    *tasks
    await asyncio.gather(*tasks)

asyncio.run(main())
