# want: 6:18: f-string: invalid conversion character: expected 's', 'r', or 'a'
import asyncio

async def main():
    t = asyncio.current_task()
    print(f"{t!}")
