import asyncio


async def handle(reader, writer):
    writer.write(b"one\ntwo\n")
    writer.close()
    print("server: closing:", writer.is_closing())
    await writer.wait_closed()
    print("server: closed")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8897)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8897)
    print("at_eof at first:", reader.at_eof())
    await asyncio.sleep(0.1)
    print("at_eof with data waiting:", reader.at_eof())
    print(await reader.readline(), reader.at_eof())
    print(await reader.readline(), reader.at_eof())
    print(await reader.readline(), reader.at_eof())
    print(await reader.read(10), await reader.read(), reader.at_eof())
    writer.write(b"late")
    await writer.drain()
    print("client wrote after the server closed")
    writer.close()
    await writer.wait_closed()
    print("client closed")
    server.close()
    await server.wait_closed()


asyncio.run(main())
