# source: https://docs.python.org/3.11/library/asyncio-task.html#asyncio.wait (wrap the coroutine in a task to test membership in done); edits: foo defined and asyncio.run(main()) added
import asyncio

async def foo():
    return 42

async def main():
    task = asyncio.create_task(foo())
    done, pending = await asyncio.wait({task})

    if task in done:
        print('Everything will work as expected now.')

asyncio.run(main())
