import asyncio


async def handle(reader, writer):
    writer.write(b"HEAD")
    writer.write(b"0005hello")
    writer.write(b"0009abc")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8891)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8891)
    head = await reader.readexactly(4)
    print("head", head)
    size = int(await reader.readexactly(4))
    body = await reader.readexactly(size)
    print("body", size, body)
    size = int(await reader.readexactly(4))
    try:
        await reader.readexactly(size)
    except asyncio.IncompleteReadError as e:
        print("incomplete:", e)
        print("partial", e.partial, "expected", e.expected)
    print("at_eof", reader.at_eof())
    try:
        await reader.readuntil(b";")
    except asyncio.IncompleteReadError as e:
        print("readuntil at eof:", e, e.partial, e.expected)
    print("read() at eof:", await reader.read())
    print("readexactly(0):", await reader.readexactly(0))
    writer.close()
    await writer.wait_closed()
    server.close()


asyncio.run(main())
