# want: 8:12: asynchronous comprehension outside of an asynchronous function
import asyncio

async def fetch(i):
    return i

def main():
    return [await fetch(i) for i in range(3)]
