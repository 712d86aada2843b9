# want: 5:27: f-string: empty expression not allowed
import asyncio

async def main():
    print(f"loop time: {}")

asyncio.run(main())
