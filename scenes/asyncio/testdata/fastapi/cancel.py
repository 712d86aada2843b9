# A request cancelled by wait_for while its dependency runs in a worker
# thread: the yield dependency sees CancelledError at its yield.
import asyncio
import time

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


def now():
    return f"{time.monotonic():.1f}"


async def get_tx():
    print(now(), "tx begin")
    try:
        yield "tx"
    except BaseException as e:
        print(now(), "tx rollback", type(e).__name__)
        raise
    finally:
        print(now(), "tx end")


def slow_lookup(tx=Depends(get_tx)):
    print(now(), "lookup start")
    time.sleep(0.5)
    print(now(), "lookup done")
    return 1


@app.get("/x")
async def x(v=Depends(slow_lookup), tx=Depends(get_tx)):
    await asyncio.sleep(1)
    print(now(), "endpoint done")
    return v


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        try:
            await asyncio.wait_for(client.get("/x"), 0.2)
        except asyncio.TimeoutError:
            print(now(), "client: timed out")
        await asyncio.sleep(1)
        try:
            await asyncio.wait_for(client.get("/x"), 0.7)
        except asyncio.TimeoutError:
            print(now(), "client: timed out")
        r = await client.get("/x")
        print(now(), r.json())


asyncio.run(main())
