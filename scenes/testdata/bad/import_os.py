# want: 2:8: module 'os' is not supported in scenes (supported: asyncio, time, concurrent.futures, fastapi, httpx)
import os
import asyncio

async def main():
    print(os.getcwd())

asyncio.run(main())
