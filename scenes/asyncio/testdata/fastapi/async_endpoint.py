# An async endpoint beside a task that yields once per loop iteration:
# the ticks show every point where the request suspends.
import asyncio

from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


@app.get("/hello")
async def hello():
    print("endpoint: start")
    await asyncio.sleep(0)
    print("endpoint: after sleep(0)")
    return {"message": "hi", "n": 3, "ok": True, "none": None, "pi": 3.5}


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        t = asyncio.create_task(ticker())
        r = await client.get("/hello")
        print(r.status_code, r.json())
        print(r.text)
        await t


asyncio.run(main())
