# want: 5:18: bytes can only contain ASCII literal characters
import asyncio

async def main():
    writer.write(b"héllo")
