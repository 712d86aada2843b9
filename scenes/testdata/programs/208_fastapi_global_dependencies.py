# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial012.py (FastAPI docs, Global Dependencies); edits: a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
from fastapi import Depends, FastAPI, Header, HTTPException


async def verify_token(x_token: str = Header()):
    if x_token != "fake-super-secret-token":
        raise HTTPException(status_code=400, detail="X-Token header invalid")


async def verify_key(x_key: str = Header()):
    if x_key != "fake-super-secret-key":
        raise HTTPException(status_code=400, detail="X-Key header invalid")
    return x_key


app = FastAPI(dependencies=[Depends(verify_token), Depends(verify_key)])


@app.get("/items/")
async def read_items():
    return [{"item": "Portal Gun"}, {"item": "Plumbus"}]


@app.get("/users/")
async def read_users():
    return [{"username": "Rick"}, {"username": "Morty"}]


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/items/", {"X-Token": "fake-super-secret-token", "X-Key": "fake-super-secret-key"}, {}), ("/users/", {"X-Token": "fake-super-secret-token", "X-Key": "fake-super-secret-key"}, {}), ("/users/", {"X-Token": "invalid", "X-Key": "fake-super-secret-key"}, {}), ("/items/", {"X-Key": "fake-super-secret-key"}, {})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
