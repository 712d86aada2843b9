import asyncio
import time


async def handle(reader, writer):
    line = await reader.readline()
    who = line.decode().strip()
    print(f"{time.monotonic():.1f} server: {who} asks")
    if who == "slow":
        time.sleep(1)  # blocks the whole loop: nobody else is served meanwhile
    else:
        await asyncio.sleep(0.1)
    writer.write(f"bye {who}\n".encode())
    await writer.drain()
    writer.close()


async def client(who, delay):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8913)
    writer.write(f"{who}\n".encode())
    print(f"{time.monotonic():.1f} {who}: {(await reader.readline()).decode().strip()}")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8913)
    await asyncio.gather(client("slow", 0), client("quick", 0.2), client("other", 0.5))
    server.close()
    await server.wait_closed()


asyncio.run(main())
