# want: 5:25: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
import asyncio

async def main():
    await asyncio.sleep(007)

asyncio.run(main())
