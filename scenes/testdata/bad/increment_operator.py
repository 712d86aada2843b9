# want: 7:16: invalid syntax
import asyncio

async def main():
    count = 0
    for _ in range(3):
        count++
    print(count)
