# source: https://github.com/fastapi/fastapi/blob/master/docs_src/query_params_str_validations/tutorial002.py and docs_src/header_params/tutorial001.py (FastAPI docs, Query Parameters and String Validations; Header Parameters); edits: the two examples in one app, and a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
from typing import Union

from fastapi import FastAPI, Header, Query

app = FastAPI()


@app.get("/items/")
async def read_items(q: Union[str, None] = Query(default=None, max_length=50)):
    results = {"items": [{"item_id": "Foo"}, {"item_id": "Bar"}]}
    if q:
        results.update({"q": q})
    return results


@app.get("/agent/")
async def read_agent(user_agent: Union[str, None] = Header(default=None)):
    return {"User-Agent": user_agent}


@app.get("/short/")
async def read_short(q: str = Query(min_length=3, alias="item-query")):
    return {"q": q}


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/items/", {}, {}), ("/items/?q=" + "x" * 51, {}, {}), ("/items/?q=ok", {}, {}), ("/agent/", {"User-Agent": "loopscope"}, {}), ("/short/?item-query=ab", {}, {}), ("/short/?item-query=abc", {}, {}), ("/short/", {}, {})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
