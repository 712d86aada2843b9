# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial001.py (FastAPI docs, Dependencies: First Steps); edits: a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
from fastapi import Depends, FastAPI

app = FastAPI()


async def common_parameters(q: str = None, skip: int = 0, limit: int = 100):
    return {"q": q, "skip": skip, "limit": limit}


@app.get("/items/")
async def read_items(commons: dict = Depends(common_parameters)):
    return commons


@app.get("/users/")
async def read_users(commons: dict = Depends(common_parameters)):
    return commons


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/items/", {}, {}), ("/items/?q=foo&skip=5&limit=3", {}, {}), ("/users/?limit=abc", {}, {})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
