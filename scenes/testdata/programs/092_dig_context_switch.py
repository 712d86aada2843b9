# source: https://github.com/goutomroy/digging_asyncio/blob/master/context_switch.py (digging_asyncio, a learner's asyncio notes on GitHub); edits: none
import asyncio


async def foo():
    print('Running in foo')
    await asyncio.sleep(0)
    print('Explicit context switch to foo again')


async def bar():
    print('Explicit context to bar')
    await asyncio.sleep(0)
    print('Implicit context switch back to bar')


async def main():
    tasks = [foo(), bar()]
    await asyncio.gather(*tasks)


asyncio.run(main())
