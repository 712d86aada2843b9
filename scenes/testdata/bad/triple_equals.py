# want: 5:12: invalid syntax
import asyncio

async def main(a, b):
    if a === b:
        print("same")
