# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial005.py (FastAPI docs, Sub-dependencies); edits: a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
from fastapi import Cookie, Depends, FastAPI

app = FastAPI()


def query_extractor(q: str = None):
    return q


def query_or_cookie_extractor(
    q: str = Depends(query_extractor), last_query: str = Cookie(None)
):
    if not q:
        return last_query
    return q


@app.get("/items/")
async def read_query(query_or_default: str = Depends(query_or_cookie_extractor)):
    return {"q_or_cookie": query_or_default}


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/items/", {}, {}), ("/items/?q=foo", {}, {}), ("/items/", {}, {"last_query": "from-cookie"}), ("/items/?q=bar", {}, {"last_query": "from-cookie"})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
