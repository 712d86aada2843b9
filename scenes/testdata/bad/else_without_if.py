# want: 6:1: invalid syntax
import asyncio

async def main():
    await asyncio.sleep(1)
else:
    print("never")
