# source: https://docs.python.org/3.11/library/asyncio-task.html#timeouts (asyncio.timeout); edits: long_running_task defined (the docs leave it out) and asyncio.run(main()) added
import asyncio

async def long_running_task():
    await asyncio.sleep(3600)

async def main():
    try:
        async with asyncio.timeout(10):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")

    print("This statement will run regardless.")

asyncio.run(main())
