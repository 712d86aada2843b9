# want: 5:5: cannot assign to function call here. Maybe you meant '==' instead of '='?
import asyncio

async def main():
    asyncio.current_task() = None

asyncio.run(main())
