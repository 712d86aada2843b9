# want: 7:13: 'continue' not properly in loop
import asyncio

async def main():
    for i in range(3):
        def skip():
            continue
        skip()

asyncio.run(main())
