# want: 4:33: arguments cannot follow var-keyword argument
import asyncio

async def fetch(url, **options, retries):
    await asyncio.sleep(0)
