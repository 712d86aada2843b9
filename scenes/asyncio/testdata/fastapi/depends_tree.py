# The Depends view's ground truth: a tree of dependencies of every kind
# (async def, def, a class, a callable instance, async and plain
# generators, a sub-dependency reused from the per-request cache, one with
# use_cache=False, dependencies=[...]), each printing when it runs and when
# its teardown runs, so real FastAPI 0.92 shows the order of setup, response
# and teardown; then a dependency that raises HTTPException (teardowns see
# it) and a request whose query does not validate (422).
import asyncio
import time

from fastapi import Depends, FastAPI, HTTPException
from httpx import ASGITransport, AsyncClient

app = FastAPI()


def now():
    return f"{time.monotonic():.1f}"


async def get_db():
    print(now(), "db setup")
    try:
        yield "db"
    except Exception as e:
        print(now(), "db sees", type(e).__name__)
        raise
    finally:
        await asyncio.sleep(0.1)
        print(now(), "db teardown")


def get_lock(db=Depends(get_db)):
    print(now(), "lock setup in a thread with", db)
    try:
        yield "lock"
    finally:
        print(now(), "lock teardown")


class Settings:
    def __init__(self, db=Depends(get_db)):
        print(now(), "Settings() with", db)
        self.db = db


class Checker:
    async def __call__(self, token: str, s: Settings = Depends()):
        await asyncio.sleep(0.2)
        if token == "bad":
            print(now(), "checker refuses")
            raise HTTPException(status_code=401, detail="bad token")
        print(now(), "checker ok for", token)
        return token


check = Checker()


def stamp():
    print(now(), "stamp")
    return time.monotonic()


async def get_audit(user=Depends(check), lock=Depends(get_lock)):
    print(now(), "audit setup for", user, "with", lock)
    yield "audit"
    print(now(), "audit teardown")


async def log_hit():
    print(now(), "log_hit")


@app.get("/items", dependencies=[Depends(log_hit)])
async def items(n: int = 1, audit=Depends(get_audit), db=Depends(get_db),
                a=Depends(stamp, use_cache=False), b=Depends(stamp, use_cache=False)):
    await asyncio.sleep(0.3)
    print(now(), "endpoint", audit, db, n)
    return {"n": n}


async def call(client, url, delay):
    await asyncio.sleep(delay)
    r = await client.get(url)
    print(now(), "client", url, r.status_code, r.json())


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        await asyncio.gather(call(client, "/items?token=ann", 0), call(client, "/items?token=bad", 0.1))
        await call(client, "/items?token=ann&n=x", 0)


asyncio.run(main())
