# want: 6:9: 'await' outside async function
import asyncio

async def main():
    def helper():
        await asyncio.sleep(0.1)
    helper()

asyncio.run(main())
