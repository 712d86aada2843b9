# want: 2:17: module 'requests' is not supported in scenes (supported: ...)
import asyncio, requests

async def fetch(url):
    return requests.get(url)
