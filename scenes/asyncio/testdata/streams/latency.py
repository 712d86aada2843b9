import asyncio
import time

START = time.monotonic()


def stamp():
    return f"{time.monotonic() - START:.2f}"


async def handle(reader, writer):
    while True:
        req = await reader.readuntil(b"\r\n")
        word = req.strip().decode()
        if word == "bye":
            break
        await asyncio.sleep(0.25)  # the database
        writer.write(f"{len(word)}\r\n".encode())
    writer.close()


async def ask(reader, writer, word):
    await asyncio.sleep(0.05)  # the network, there
    writer.write(f"{word}\r\n".encode())
    answer = await reader.readuntil(b"\r\n")
    await asyncio.sleep(0.05)  # and back
    return int(answer)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8896)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8896)
    for word in ["a", "abc", "abcdef"]:
        n = await ask(reader, writer, word)
        print(stamp(), word, n)
    t1 = asyncio.create_task(ask(reader, writer, "xy"))
    await t1
    print(stamp(), "xy", t1.result())
    writer.write(b"bye\r\n")
    print(stamp(), "at_eof before", reader.at_eof(), await reader.read(), "after", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print(stamp(), "done")


asyncio.run(main())
