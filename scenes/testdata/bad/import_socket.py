# want: 3:8: module 'socket' is not available in scenes: a playground has no network. To stand in for a request, await asyncio.sleep(0.3) where the answer would take time, then use a made-up answer; servers and clients of the scene's own can talk through asyncio.start_server and asyncio.open_connection
import asyncio
import socket

async def main():
    s = socket.create_connection(("example.com", 80))
    s.close()

asyncio.run(main())
