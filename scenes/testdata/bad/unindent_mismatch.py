# want: 7:17: unindent does not match any outer indentation level
import asyncio

async def main():
    if True:
        print("a")
      print("b")

asyncio.run(main())
