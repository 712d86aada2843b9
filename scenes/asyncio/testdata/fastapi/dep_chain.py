# A chain of dependencies, async and sync, each with its own sub-dependency.
import asyncio
import time

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


async def get_config():
    print(f"{time.monotonic():.1f} config")
    return {"region": "eu"}


def get_db(config=Depends(get_config)):
    print(f"{time.monotonic():.1f} db for {config['region']}")
    time.sleep(0.2)
    return f"db-{config['region']}"


async def get_repo(db=Depends(get_db)):
    await asyncio.sleep(0.1)
    print(f"{time.monotonic():.1f} repo on {db}")
    return ["a", "b"]


@app.get("/things")
async def things(repo=Depends(get_repo), limit="10"):
    print(f"{time.monotonic():.1f} endpoint limit={limit}")
    return {"things": repo, "limit": limit}


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        r = await client.get("/things?limit=2")
        print(f"{time.monotonic():.1f}", r.status_code, r.json())
        r = await client.get("/things")
        print(f"{time.monotonic():.1f}", r.status_code, r.json())


asyncio.run(main())
