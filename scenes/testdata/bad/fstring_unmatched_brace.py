# want: 6:24: f-string: expecting '}'
import asyncio

async def main():
    name = "worker"
    print(f"task {name")

asyncio.run(main())
