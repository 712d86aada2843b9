# A fast writer and a slow reader: the client writes 16 MiB in 64 KiB
# chunks, far more than the kernel holds for one connection, while the
# server reads nothing for a second. Once the kernel's buffers are full,
# the transport keeps the rest; past its high-water mark (64 KiB) it
# pauses the protocol and drain() waits, until the reader has taken
# enough. What the kernel holds differs between machines, so only what
# does not depend on it is printed.
import asyncio

CHUNK = b"x" * 65536
TOTAL = 16 * 1024 * 1024
served = None  # set when the server has read everything


async def handle(reader, writer):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)  # a slow reader
    print("server: starts reading at", loop.time())
    n = 0
    while True:
        data = await reader.read(1 << 20)
        if not data:
            break
        n += len(data)
    print("server: read", n, "bytes by", loop.time())
    served.set()
    writer.close()
    await writer.wait_closed()


async def main():
    global served
    served = asyncio.Event()
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 8910)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8910)
    waits = []
    for i in range(TOTAL // len(CHUNK)):
        writer.write(CHUNK)
        start = loop.time()
        await writer.drain()
        if loop.time() > start:
            waits.append((start, loop.time()))
    print("client: wrote", TOTAL, "bytes by", loop.time())
    print("client: drain waited", len(waits), "time(s):", waits)
    writer.close()
    await writer.wait_closed()
    await served.wait()
    server.close()
    await server.wait_closed()
    print("done at", loop.time())


asyncio.run(main())
