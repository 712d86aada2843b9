# want: 6:22: f-string: single '}' is not allowed
import asyncio

async def main():
    n = 3
    print(f"n} = {n}")

asyncio.run(main())
