# source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/main/src/lesson01_call_warning.py (SuperFastPython); edits: none
# SuperFastPython.com
# example of calling a coroutine directly

# define a coroutine
async def custom_coroutine():
	# report a message
    print('Hello world')

# call the coroutine directly
custom_coroutine() # raises warning
