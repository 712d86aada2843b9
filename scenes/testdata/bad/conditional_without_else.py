# want: 5:13: expected 'else' after 'if' expression
import asyncio

async def main():
    delay = 1 if asyncio.current_task()
    await asyncio.sleep(delay)
