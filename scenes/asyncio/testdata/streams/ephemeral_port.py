import asyncio


async def handle(reader, writer):
    writer.write(b"hi\n")
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("got a port:", port > 0, len(server.sockets))
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(await reader.readline())
    print("peer is the server:", writer.get_extra_info("peername")[1] == port)
    print("my port differs:", writer.get_extra_info("sockname")[1] != port)
    writer.close()
    server.close()
    print(server.sockets)
    await server.wait_closed()


asyncio.run(main())
