# want: 5:5: Missing parentheses in call to 'print'. Did you mean print(...)?
import asyncio

async def main():
    print "hello"

asyncio.run(main())
