# Dependencies with yield: setup in order, teardown in reverse order after
# the endpoint's response is sent and before the client gets it; a sync
# generator runs its setup and its teardown in worker threads.
import asyncio
import time

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


def now():
    return f"{time.monotonic():.1f}"


async def get_conn(name):
    print(now(), name, "conn open")
    yield f"conn-{name}"
    await asyncio.sleep(0.2)
    print(now(), name, "conn closed")


def get_lock(name):
    print(now(), name, "lock taken")
    try:
        yield "lock"
    finally:
        time.sleep(0.1)
        print(now(), name, "lock released")


async def get_audit(name, conn=Depends(get_conn)):
    print(now(), name, "audit start on", conn)
    try:
        yield "audit"
    finally:
        print(now(), name, "audit end")


@app.get("/job")
async def job(name, conn=Depends(get_conn), lock=Depends(get_lock), audit=Depends(get_audit)):
    await asyncio.sleep(0.3)
    print(now(), name, "endpoint returns")
    return [conn, lock, audit]


async def call(client, name, delay):
    await asyncio.sleep(delay)
    r = await client.get("/job", params={"name": name})
    print(now(), name, "client got", r.status_code, r.json())


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        await asyncio.gather(call(client, "A", 0), call(client, "B", 0.4))


asyncio.run(main())
