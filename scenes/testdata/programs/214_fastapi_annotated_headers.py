# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial006_an_py39.py (FastAPI docs, Dependencies in path operation decorators, the Annotated form); edits: a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
# reference: 205_fastapi_decorator_dependencies.py (FastAPI 0.92 predates Annotated: its output for the same program written with = Header())
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()


async def verify_token(x_token: Annotated[str, Header()]):
    if x_token != "fake-super-secret-token":
        raise HTTPException(status_code=400, detail="X-Token header invalid")


async def verify_key(x_key: Annotated[str, Header()]):
    if x_key != "fake-super-secret-key":
        raise HTTPException(status_code=400, detail="X-Key header invalid")
    return x_key


@app.get("/items/", dependencies=[Depends(verify_token), Depends(verify_key)])
async def read_items():
    return [{"item": "Foo"}, {"item": "Bar"}]


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/items/", {"X-Token": "fake-super-secret-token", "X-Key": "fake-super-secret-key"}, {}), ("/items/", {"X-Token": "invalid", "X-Key": "fake-super-secret-key"}, {}), ("/items/", {"X-Token": "fake-super-secret-token", "X-Key": "invalid"}, {}), ("/items/", {}, {})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
