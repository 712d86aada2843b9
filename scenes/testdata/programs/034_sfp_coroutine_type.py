# source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/main/src/lesson02_coroutine_type.py (SuperFastPython); edits: none
# SuperFastPython.com
# example of checking the type of a coroutine

# define a coroutine
async def custom_coro():
    # do nothing
    pass

# create the coroutine
coro = custom_coro()
# check the type of the coroutine
print(type(coro))
