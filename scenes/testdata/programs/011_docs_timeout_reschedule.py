# source: https://docs.python.org/3.11/library/asyncio-task.html#asyncio.Timeout.reschedule (reschedule an open timeout); edits: long_running_task defined, asyncio. prefix on get_running_loop, asyncio.run(main()) added
import asyncio

async def long_running_task():
    await asyncio.sleep(3600)

async def main():
    try:
        # We do not know the timeout when starting, so we pass ``None``.
        async with asyncio.timeout(None) as cm:
            # We know the timeout now, so we reschedule it.
            new_deadline = asyncio.get_running_loop().time() + 10
            cm.reschedule(new_deadline)

            await long_running_task()
    except TimeoutError:
        pass

    if cm.expired():
        print("Looks like we haven't finished on time.")

asyncio.run(main())
