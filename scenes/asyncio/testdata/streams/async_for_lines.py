import asyncio


async def handle(reader, writer):
    count = 0
    async for line in reader:
        count += 1
        writer.write(b"%d " % count + line)
    print("server: stream ended after", count, "lines")
    writer.close()


async def main():
    async with await asyncio.start_server(handle, "127.0.0.1", 8906):
        reader, writer = await asyncio.open_connection("127.0.0.1", 8906)
        for word in ["alpha", "beta", "gamma"]:
            writer.write(word.encode() + b"\n")
            await asyncio.sleep(0.1)
        writer.write(b"no newline")
        writer.write_eof()
        async for line in reader:
            print("client:", line)
        writer.close()
        await writer.wait_closed()
    print("served")


asyncio.run(main())
