# A missing query parameter is a 422 from validation; an endpoint's own
# exception reaches the client (httpx re-raises app exceptions).
import asyncio

from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


@app.get("/need")
async def need(q):
    return {"q": q}


@app.get("/boom")
async def boom():
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        r = await client.get("/need")
        print(r.status_code, r.json())
        r = await client.get("/need?q=a%20b&q=c")
        print(r.status_code, r.json())
        try:
            await client.get("/boom")
        except ValueError as e:
            print("client saw", repr(e))


asyncio.run(main())
