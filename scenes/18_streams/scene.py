import asyncio
import time

START = time.monotonic()


def now():
    return f"{time.monotonic() - START:.1f}s"


async def handle(reader, writer):  # the server runs one of these per connection
    while True:
        line = await reader.readline()  # suspends until a whole line arrives
        if not line:  # b"": the client closed its side
            break
        word = line.decode().strip()
        print(f"{now()}  server: got {word!r}")
        await asyncio.sleep(0.3)  # pretend to look something up
        writer.write(f"{word.upper()}\n".encode())
        await writer.drain()
    print(f"{now()}  server: a client left")
    writer.close()
    await writer.wait_closed()


async def client(name, words, pause):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    for word in words:
        await asyncio.sleep(pause)
        writer.write(f"{word}\n".encode())
        await writer.drain()  # waits only if the send buffer is full
        reply = await reader.readline()
        print(f"{now()}  {name}: sent {word!r}, got {reply.decode().strip()!r}")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    print(f"{now()}  server listening on port 8888")
    await asyncio.gather(
        client("ann", ["tea", "cake"], 0.5),
        client("bob", ["soup", "bread", "jam"], 0.4),
    )
    server.close()  # every connection is closed first, then the server
    await server.wait_closed()
    print(f"{now()}  server closed")


asyncio.run(main())
