# Annotated path and query parameters: FastAPI converts them with pydantic
# (int, float, bool, str; none: the str as received), uses the defaults of
# absent query parameters, and answers 422 for a value that does not convert.
import asyncio

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


def paging(limit: int = 10, offset: int = 0):
    return (limit, offset)


@app.get("/items/{item_id}")
async def read_item(item_id: int, q: float = 1.5, full: bool = False, tag: str = "none", note=None, page=Depends(paging)):
    await asyncio.sleep(0)
    return {"item_id": item_id, "next": item_id + 1, "q": q, "full": full, "tag": tag, "note": note, "page": page}


@app.get("/users/{name}/score")
def score(name: str, factor: float, strict: bool = True):
    return [name, factor * 2, strict]


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url in [
            "/items/7",
            "/items/-3?q=2&full=yes&tag=red&note=5&limit=3",
            "/items/07?full=ON&q=1e3&offset=1_000",
            "/items/8?full=0&q=.25",
            "/items/abc",
            "/items/7?q=x&full=maybe&limit=1.0",
            "/items/7?full=&limit=",
            "/users/ann/score?factor=1.25",
            "/users/bob/score?factor=3&strict=F",
            "/users/cy/score",
            "/users/dee/score?factor=two&strict=nope",
        ]:
            r = await client.get(url)
            print(url, r.status_code, r.json())
            print(r.text)


asyncio.run(main())
