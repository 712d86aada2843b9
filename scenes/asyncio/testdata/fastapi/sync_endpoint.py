# A plain def endpoint runs in anyio's worker threads; time.sleep there
# blocks only the worker. The ticker shows the checkpoints of run_sync.
import asyncio
import time

from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


@app.get("/work")
def work(n="1"):
    print(f"{time.monotonic():.2f} work {n}: start")
    time.sleep(0.5)
    print(f"{time.monotonic():.2f} work {n}: done")
    return {"n": n}


async def ticker():
    for i in range(8):
        print(f"{time.monotonic():.2f} tick {i}")
        await asyncio.sleep(0)


async def call(client, n):
    r = await client.get(f"/work?n={n}")
    print(f"{time.monotonic():.2f} got {r.status_code} {r.json()}")


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        await asyncio.gather(ticker(), call(client, 1), call(client, 2))
        await call(client, 3)  # reuses an idle worker


asyncio.run(main())
