# source: https://docs.python.org/3.11/library/asyncio-runner.html#runner-context-manager (asyncio.Runner); edits: none
import asyncio

async def main():
    await asyncio.sleep(1)
    print('hello')

with asyncio.Runner() as runner:
    runner.run(main())
