import asyncio


async def handle(reader, writer):
    await asyncio.sleep(0.2)
    # The client's bytes were never read: closing now resets the connection.
    print("server: closing without reading")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8902)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8902)
    writer.write(b"you will not read this")
    await writer.drain()
    try:
        data = await reader.read(100)
        print("client read", data)
    except ConnectionResetError as e:
        print("client:", type(e).__name__, e)
    print("at_eof", reader.at_eof(), "closing", writer.is_closing())
    try:
        await writer.drain()
    except ConnectionResetError as e:
        print("drain:", e)
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionResetError as e:
        print("wait_closed:", e)
    server.close()


asyncio.run(main())
