# source: https://github.com/goutomroy/digging_asyncio/blob/master/synchronization_primitives/event1.py (digging_asyncio, a learner's asyncio notes on GitHub); edits: the commented-out variant at the end left out
import asyncio


async def waiter(event):
    print('waiting for it ...')
    await event.wait()
    print('... event set happened! after 5 seconds')
    await asyncio.sleep(10)
    print('waiter finished after 10 seconds')


async def main():
    # Create an Event object.
    event = asyncio.Event()

    # Spawn a Task to wait until 'event' is set.
    waiter_task = asyncio.create_task(waiter(event))

    # Sleep for 1 second and set the event.
    await asyncio.sleep(5)
    event.set()

    # Wait until the waiter task is finished.
    await waiter_task
    print('main task finished')

asyncio.run(main())
