# want: 5:19: asyncio.sleeep is not supported in scenes. Did you mean: 'sleep'?
import asyncio

async def main():
    await asyncio.sleeep(1)

asyncio.run(main())
