import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.open_connection("127.0.0.1", 9999)
    except ConnectionRefusedError as e:
        print("refused:", e)
        print("errno", e.errno, "strerror", e.strerror)
        print("is OSError:", isinstance(e, OSError), "at", loop.time())
    try:
        await asyncio.wait_for(asyncio.open_connection("127.0.0.1", 9998), 1)
    except OSError as e:
        print(type(e).__name__, e)
    await asyncio.open_connection("127.0.0.1", 9999)


asyncio.run(main())
