# source: https://github.com/twoLoop-40/asyncio_course/blob/main/codes/4_cancelling.py (an asyncio course's code on GitHub); edits: the commented-out alternative at the end left out
import asyncio


async def greet(timeout):
    await asyncio.sleep(timeout)
    return 'Hello world'


async def main():
    long_task = asyncio.create_task(greet(5))

    try:
        result = await asyncio.wait_for(
            asyncio.shield(long_task),
            timeout=3
        )
        print(result)
    except asyncio.exceptions.TimeoutError:
        print('The long task took longer than 3 seconds')
        result = await long_task
        print(result)


asyncio.run(main())
