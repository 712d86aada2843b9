# want: 5:23: invalid syntax
import asyncio

async def main():
    for i in range(3) print(i)
