import asyncio

STORE = {}


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        parts = line.decode().split()
        cmd = parts[0].upper()
        if cmd == "SET":
            STORE[parts[1]] = parts[2]
            writer.write(b"OK\n")
        elif cmd == "GET":
            writer.write((STORE.get(parts[1], "NONE") + "\n").encode())
        elif cmd == "QUIT":
            writer.write(b"BYE\n")
            await writer.drain()
            break
        else:
            writer.write(b"ERR unknown command\n")
    writer.close()
    await writer.wait_closed()
    print("server: session over")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8890)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8890)
    for cmd in ["SET a 1", "GET a", "GET b", "set b two", "get b", "PING", "QUIT"]:
        writer.write((cmd + "\n").encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"{cmd:10} -> {reply.decode().strip()}")
    print("eof:", await reader.readline(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
