# want: 2:8: module 'os' is not available in scenes: a playground has no files, processes or environment variables. Write the value you need in the scene (for os.environ.get("KEY", "default"), write "default"; for os.getpid(), a made-up number)
import os
import asyncio

async def main():
    print(os.getcwd())

asyncio.run(main())
