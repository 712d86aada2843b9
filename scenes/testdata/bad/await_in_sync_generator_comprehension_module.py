# want: 4:11: asynchronous comprehension outside of an asynchronous function
import asyncio

results = [await asyncio.sleep(0) for _ in range(3)]
