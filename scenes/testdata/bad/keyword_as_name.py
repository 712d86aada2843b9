# want: 5:11: invalid syntax
import asyncio

async def main():
    async = 3
