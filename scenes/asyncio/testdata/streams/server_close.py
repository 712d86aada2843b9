import asyncio


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    print(f"server: {name} in")
    await reader.read()
    print(f"server: {name} out")
    writer.close()
    await writer.wait_closed()


async def client(name, stay):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8893)
    writer.write(f"{name}\n".encode())
    await asyncio.sleep(stay)
    writer.close()
    await writer.wait_closed()
    print(f"{name}: closed at {asyncio.get_running_loop().time():.1f}")


async def main():
    async with await asyncio.start_server(handle, "127.0.0.1", 8893) as server:
        print("serving:", server.is_serving())
        await asyncio.gather(client("a", 0.5), client("b", 1.0))
        await asyncio.sleep(0)
        print("clients gone, closing")
    print("serving:", server.is_serving())
    await server.wait_closed()
    print("server closed")
    try:
        await asyncio.open_connection("127.0.0.1", 8893)
    except ConnectionRefusedError as e:
        print("after close:", e)


asyncio.run(main())
