# want: 9:5: invalid syntax
import asyncio

async def main(n):
    if n == 0:
        print("zero")
    else:
        print("many")
    elif n == 1:
        print("one")
