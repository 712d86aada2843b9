# want: 6:17: 'await' outside function
import asyncio

async def main():
    class Config:
        delay = await asyncio.sleep(1)
