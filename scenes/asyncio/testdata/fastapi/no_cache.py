# use_cache=False: the dependency is called again even within one request;
# a cached dependency above it still solves its sub-dependencies again.
import asyncio

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()
counter = 0


def next_id():
    global counter
    counter += 1
    print("next_id ->", counter)
    return counter


async def tagged(i=Depends(next_id, use_cache=False)):
    print("tagged with", i)
    return f"tag{i}"


@app.post("/pair")
async def pair(
    x=Depends(next_id, use_cache=False),
    y=Depends(next_id, use_cache=False),
    z=Depends(next_id),
    t1=Depends(tagged),
    t2=Depends(tagged),
):
    return {"x": x, "y": y, "z": z, "t1": t1, "t2": t2}


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        r = await client.post("/pair")
        print(r.status_code, r.json())


asyncio.run(main())
