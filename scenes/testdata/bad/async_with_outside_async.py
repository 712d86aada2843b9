# want: 7:5: 'async with' outside async function
import asyncio

lock = asyncio.Lock()

def critical():
    async with lock:
        print("inside")
