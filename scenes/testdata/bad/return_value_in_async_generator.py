# want: 8:5: 'return' with value in async generator
import asyncio

async def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
