# want: 5:23: 'await' outside async function
import asyncio

async def main():
    delayed = lambda: await asyncio.sleep(1)
    await delayed()

asyncio.run(main())
