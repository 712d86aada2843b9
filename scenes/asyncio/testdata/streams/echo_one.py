import asyncio


async def handle(reader, writer):
    print("server: connection from a client on", writer.get_extra_info("sockname"))
    data = await reader.read(100)
    print(f"server: got {data!r}")
    writer.write(data)
    await writer.drain()
    print("server: echoed, closing")
    writer.close()
    await writer.wait_closed()
    print("server: closed")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    print("listening")
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    print("client: connected to", writer.get_extra_info("peername"))
    writer.write(b"hello")
    await writer.drain()
    print("client: sent")
    reply = await reader.read(100)
    print(f"client: got {reply!r}")
    rest = await reader.read(100)
    print(f"client: then {rest!r}, at_eof={reader.at_eof()}")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
