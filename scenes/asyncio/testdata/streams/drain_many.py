import asyncio

CHUNK = b"x" * 1000


async def handle(reader, writer):
    total = 0
    chunks = 0
    while True:
        data = await reader.read(4096)
        if not data:
            break
        total += len(data)
        chunks += 1
    print(f"server: {total} bytes at eof, {reader.at_eof()}")
    writer.write(f"{total}\n".encode())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8892)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8892)
    loop = asyncio.get_running_loop()
    for i in range(40):
        writer.write(CHUNK)
        await writer.drain()
    print("client: 40 writes drained at", loop.time())
    writer.writelines([b"a", b"b", b"c"])
    writer.write_eof()
    print("can_write_eof", writer.can_write_eof(), "is_closing", writer.is_closing())
    reply = await reader.read()
    print("client: server counted", reply.decode().strip())
    writer.close()
    print("is_closing", writer.is_closing())
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
