# source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/main/src/lesson02_simple_coroutine.py (SuperFastPython); edits: none
# SuperFastPython.com
# example of running a coroutine
import asyncio

# main coroutine
async def main():
    # report a message
    print('Hello from a coroutine')

# start the coroutine program
asyncio.run(main())
