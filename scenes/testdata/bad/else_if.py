# want: 7:10: expected ':'
import asyncio

async def main(n):
    if n > 1:
        print("big")
    else if n == 1:
        print("one")
