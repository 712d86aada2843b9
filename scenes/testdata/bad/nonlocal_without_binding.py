# want: 6:9: no binding for nonlocal 'ticks' found
import asyncio

async def main():
    async def tick():
        nonlocal ticks
        ticks += 1
    await tick()

asyncio.run(main())
