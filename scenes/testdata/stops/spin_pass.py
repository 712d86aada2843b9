import asyncio


async def main():
    print("spinning")
    while True:
        pass


asyncio.run(main())
