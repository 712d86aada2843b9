# want: 5:5: cannot assign to await expression here. Maybe you meant '==' instead of '='?
import asyncio

async def main():
    await asyncio.sleep(1) = 3
