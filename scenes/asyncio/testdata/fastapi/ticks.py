# Every suspension of a request, counted in loop iterations by a ticker:
# a sync generator dependency (set up and torn down in worker threads), an
# async generator, a plain def dependency, an HTTPException from a def
# dependency, and requests that never reach a dependency (404, 422).
import asyncio

from fastapi import Depends, FastAPI, HTTPException
from httpx import ASGITransport, AsyncClient

app = FastAPI()


def sync_gen():
    print("  sync_gen setup")
    yield "s"
    print("  sync_gen teardown")


async def async_gen():
    print("  async_gen setup")
    yield "a"
    print("  async_gen teardown")


def plain(s=Depends(sync_gen)):
    print("  plain")
    return "p"


def guard(key=""):
    print("  guard", repr(key))
    if key != "k":
        raise HTTPException(403, "no key")
    return key


@app.get("/full")
async def full(s=Depends(sync_gen), a=Depends(async_gen), p=Depends(plain)):
    print("  endpoint", s, a, p)
    return "ok"


@app.get("/guarded")
def guarded(g=Depends(guard), a=Depends(async_gen)):
    print("  guarded endpoint")
    return g


@app.get("/need")
async def need(q):
    return q


async def ticker(stop):
    i = 0
    while not stop.is_set():
        print("tick", i)
        i += 1
        await asyncio.sleep(0)


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url in ["/full", "/guarded?key=k", "/guarded", "/need", "/missing"]:
            stop = asyncio.Event()
            t = asyncio.create_task(ticker(stop))
            await asyncio.sleep(0)
            print("request", url)
            r = await client.get(url)
            print("response", r.status_code, r.text)
            stop.set()
            await t


asyncio.run(main())
