import asyncio

SIZE = 60000


async def handle(reader, writer):
    sizes = []
    total = 0
    while total < SIZE:
        chunk = await reader.read(25000)
        sizes.append(len(chunk))
        total += len(chunk)
    print("server: read sizes", sizes)
    rest = await reader.read()
    print("server: then", len(rest), "bytes, eof", reader.at_eof())
    writer.write(b"%d\n" % total)
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8908)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8908)
    writer.write(b"y" * SIZE)
    await writer.drain()
    print("client: drained")
    writer.write_eof()
    print("client: server says", (await reader.readline()).strip())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
