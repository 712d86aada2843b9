# want: 9:5: 'async for' outside async function
import asyncio

async def ticks():
    for i in range(3):
        yield i

def main():
    async for t in ticks():
        print(t)
