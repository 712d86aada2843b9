# want: 3:8: module 'aiohttp' is not available in scenes: a playground has no network. To stand in for a request, await asyncio.sleep(0.3) where the answer would take time, then use a made-up answer; servers and clients of the scene's own can talk through asyncio.start_server and asyncio.open_connection. A web app with a test client runs with fastapi and httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
import asyncio
import aiohttp

async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()

async def main():
    async with aiohttp.ClientSession() as session:
        print(await fetch(session, "https://python.org"))

asyncio.run(main())
