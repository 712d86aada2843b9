import asyncio

writers = []


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    writers.append((name, writer))
    print("server: registered", name)
    if len(writers) == 3:
        # Newest first: the sockets become readable in this order.
        for who, w in reversed(writers):
            print("server: sends to", who)
            w.write(f"hello {who}\n".encode())
        for who, w in writers:
            w.close()


async def client(name):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8901)
    writer.write(f"{name}\n".encode())
    line = await reader.readline()
    print(f"{name} got {line!r}")
    print(f"{name} then {await reader.read()!r}")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8901)
    await asyncio.gather(client("x"), client("y"), client("z"))
    server.close()
    await server.wait_closed()


asyncio.run(main())
