# want: 9:9: 'break' outside loop
import asyncio

async def main():
    n = 0
    while n < 3:
        n += 1
    else:
        break
