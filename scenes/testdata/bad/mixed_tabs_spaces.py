# want: 6:1: inconsistent use of tabs and spaces in indentation
import asyncio

async def main():
    if True:
	print("tab")
        print("spaces")

asyncio.run(main())
