# want: 2:8: module 'asyncio.tasks' is not supported in scenes (supported: ...)
import asyncio.tasks

async def main():
    await asyncio.sleep(1)
