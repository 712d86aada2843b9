# want: 5:65: closing parenthesis ')' does not match opening parenthesis '['
import asyncio

async def main():
    results = await asyncio.gather(asyncio.sleep(1, result=[1, 2)])
