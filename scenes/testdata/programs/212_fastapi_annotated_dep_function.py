# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial001_an_py39.py (FastAPI docs, Dependencies: First Steps, the Annotated form); edits: a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
# reference: 200_fastapi_dep_function.py (FastAPI 0.92 predates Annotated: its output for the same program written with = Depends(...))
from typing import Annotated, Union

from fastapi import Depends, FastAPI

app = FastAPI()


async def common_parameters(
    q: Union[str, None] = None, skip: int = 0, limit: int = 100
):
    return {"q": q, "skip": skip, "limit": limit}


@app.get("/items/")
async def read_items(commons: Annotated[dict, Depends(common_parameters)]):
    return commons


@app.get("/users/")
async def read_users(commons: Annotated[dict, Depends(common_parameters)]):
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
