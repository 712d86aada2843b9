# want: 5:8: expected ':'
import asyncio

async def main():
    try
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        pass
