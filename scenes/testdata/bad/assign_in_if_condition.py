# want: 7:8: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
import asyncio


async def main():
    task = asyncio.create_task(asyncio.sleep(1))
    if task = None:
        print("no task")
    await task

asyncio.run(main())
