# want: 7:5: expected 'except' or 'finally' block
import asyncio

async def main():
    try:
        await asyncio.sleep(1)
    print("done")

asyncio.run(main())
