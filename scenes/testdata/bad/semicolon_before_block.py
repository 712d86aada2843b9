# want: 5:13: invalid syntax
import asyncio

async def main():
    if True:; print("x")
