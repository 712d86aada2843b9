# want: 5:57: keyword argument repeated: name
import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(1), name="a", name="b")
    await t

asyncio.run(main())
