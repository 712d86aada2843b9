# want: 4:1: 'yield' outside function
import asyncio

yield asyncio.sleep(1)
