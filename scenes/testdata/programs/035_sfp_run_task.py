# source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/main/src/lesson02_run_task.py (SuperFastPython); edits: none
# SuperFastPython.com
# example of creating and awaiting an asyncio task
import asyncio

# define a coroutine for a task
async def task_coroutine():
    # report a message
    print('executing the task')
    # block for a moment
    await asyncio.sleep(1)

# custom coroutine
async def main():
    # report a message
    print('main coroutine')
    # create and schedule the task
    task = asyncio.create_task(task_coroutine())
    # wait for the task to complete
    await task

# start the asyncio program
asyncio.run(main())
