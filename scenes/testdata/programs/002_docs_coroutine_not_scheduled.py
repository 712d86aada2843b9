# source: https://docs.python.org/3.11/library/asyncio-task.html#coroutines (calling a coroutine does not schedule it); edits: the REPL session written as a script
import asyncio

async def main():
    print('hello')
    await asyncio.sleep(1)
    print('world')

asyncio.run(main())
main()
