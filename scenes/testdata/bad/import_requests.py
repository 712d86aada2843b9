# want: 2:17: module 'requests' is not available in scenes: a playground has no network, and requests blocks the event loop. To stand in for a request, await asyncio.sleep(0.3) in a coroutine (or time.sleep(0.3) in a function run with asyncio.to_thread) and use a made-up answer
import asyncio, requests

async def fetch(url):
    return requests.get(url)
