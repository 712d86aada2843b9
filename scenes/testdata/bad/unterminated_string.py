# want: 5:11: unterminated string literal (detected at line 5)
import asyncio

async def main():
    print("hello)
    await asyncio.sleep(1)

asyncio.run(main())
