# want: 5:16: invalid syntax
import asyncio

async def main():
    total = 1 +
    print(total)
