# want: 7:12: expected ':'
import asyncio

async def main():
    try:
        await asyncio.sleep(1)
    finally
        print("cleanup")
