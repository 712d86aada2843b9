# Three requests in flight at once; their sleeps interleave on the loop,
# while a plain def dependency hops through the thread pool.
import asyncio
import time

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


def now():
    return f"{time.monotonic():.2f}"


def parse_size(size="1"):
    print(now(), "parse", size)
    return int(size)


async def get_quota(size=Depends(parse_size)):
    await asyncio.sleep(0.05 * size)
    print(now(), "quota", size)
    return size * 10


@app.get("/fetch")
async def fetch(who, quota=Depends(get_quota), size=Depends(parse_size)):
    print(now(), who, "fetching", quota)
    await asyncio.sleep(0.1 * size)
    print(now(), who, "done")
    return {"who": who, "quota": quota}


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        rs = await asyncio.gather(
            client.get("/fetch?who=x&size=3"),
            client.get("/fetch?who=y&size=1"),
            client.get("/fetch?who=z&size=2"),
        )
        for r in rs:
            print(now(), r.status_code, r.json())


asyncio.run(main())
