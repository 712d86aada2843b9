# source: https://github.com/twoLoop-40/asyncio_course/blob/main/codes/2_basic_attrs.py (an asyncio course's code on GitHub); edits: none
import asyncio


async def c():
    return 1


async def main():
    task = asyncio.create_task(c())

    await task
    print(task.cancelled())


asyncio.run(main())
