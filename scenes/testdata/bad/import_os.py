# want: 2:8: module 'os' is not supported in scenes (supported: ...)
import os
import asyncio

async def main():
    print(os.getcwd())

asyncio.run(main())
