# source: https://docs.python.org/3.11/library/asyncio-task.html#asyncio.run_coroutine_threadsafe; edits: the snippets made into a program: a function run with asyncio.to_thread submits the coroutine to the running loop and waits for its result
import asyncio

def submit_from_thread(loop):
    # Create a coroutine
    coro = asyncio.sleep(1, result=3)

    # Submit the coroutine to a given loop
    future = asyncio.run_coroutine_threadsafe(coro, loop)

    # Wait for the result with an optional timeout argument
    assert future.result(2) == 3
    return future.result()

async def main():
    loop = asyncio.get_running_loop()
    result = await asyncio.to_thread(submit_from_thread, loop)
    print('The coroutine returned:', result)

asyncio.run(main())
