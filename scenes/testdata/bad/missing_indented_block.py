# want: 5:1: expected an indented block after function definition on line 4
import asyncio

async def main():
await asyncio.sleep(1)

asyncio.run(main())
