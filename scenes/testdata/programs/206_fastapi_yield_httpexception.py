# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial008b.py (FastAPI docs, Dependencies with yield and HTTPException); edits: a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()


data = {
    "plumbus": {"description": "Freshly pickled plumbus", "owner": "Morty"},
    "portal-gun": {"description": "Gun to create portals", "owner": "Rick"},
}


class OwnerError(Exception):
    pass


def get_username():
    try:
        yield "Rick"
    except OwnerError as e:
        raise HTTPException(status_code=400, detail=f"Onwer error: {e}")


@app.get("/items/{item_id}")
def get_item(item_id: str, username: str = Depends(get_username)):
    if item_id not in data:
        raise HTTPException(status_code=404, detail="Item not found")
    item = data[item_id]
    if item["owner"] != username:
        raise OwnerError(username)
    return item


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/items/portal-gun", {}, {}), ("/items/plumbus", {}, {}), ("/items/nope", {}, {})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
