# write_eof() and close() while the transport still buffers what the
# kernel could not take: the end of data and the close wait until the
# buffer is sent, so the reader gets every byte, then EOF; wait_closed()
# returns once the last byte has left.
import asyncio

SIZE = 12 * 1024 * 1024


async def handle(reader, writer):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.5)
    data = await reader.read()
    print("server: got", len(data), "bytes and EOF at", loop.time())
    writer.write(b"thanks\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 8911)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8911)
    writer.write(b"z" * SIZE)
    writer.write_eof()
    print("client: is_closing", writer.is_closing())
    print("client: reply", await reader.readline(), "at", loop.time())
    writer.close()
    await writer.wait_closed()
    print("client: closed at", loop.time())
    server.close()
    await server.wait_closed()


asyncio.run(main())
