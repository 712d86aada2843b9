# want: 7:12: multiple exception types must be parenthesized
import asyncio

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(2), 1)
    except asyncio.TimeoutError, asyncio.CancelledError:
        print("gave up")
