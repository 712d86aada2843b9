# want: 7:9: 'break' outside loop
import asyncio

async def main():
    done = True
    if done:
        break

asyncio.run(main())
