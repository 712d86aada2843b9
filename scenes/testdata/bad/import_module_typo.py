# want: 2:8: module 'asyncoi' is not supported in scenes (supported: ...). Did you mean: 'asyncio'?
import asyncoi

async def main():
    await asyncoi.sleep(1)

asyncoi.run(main())
