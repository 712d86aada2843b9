import asyncio

clients = {}


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    clients[name] = writer
    print(f"relay: {name} joined ({len(clients)} online)")
    while True:
        line = await reader.readline()
        if not line:
            break
        for other, w in clients.items():
            if other != name:
                w.write(f"{name}: {line.decode()}".encode())
    del clients[name]
    print(f"relay: {name} left")
    writer.close()


async def person(name, says, delay):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8895)
    writer.write(f"{name}\n".encode())
    await asyncio.sleep(delay)
    for text in says:
        writer.write(f"{text}\n".encode())
        await asyncio.sleep(0.5)
    for _ in range(2):
        heard = await reader.readline()
        print(f"{name} hears {heard.decode().strip()!r}")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8895)
    await asyncio.gather(
        person("ann", ["hi bob", "how are you?"], 0.2),
        person("bob", ["hello ann", "fine, thanks"], 0.45),
    )
    await asyncio.sleep(0.1)
    server.close()
    await server.wait_closed()
    print("relay closed with", len(clients), "clients")


asyncio.run(main())
