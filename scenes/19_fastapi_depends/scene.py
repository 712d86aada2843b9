import asyncio
import time

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

START = time.monotonic()
USERS = {"ann": "staff", "bob": "customer", "eve": "customer"}
ITEMS = [("pen", "public"), ("map", "public"), ("key", "staff")]
app = FastAPI()
opened = 0  # sessions opened so far


def now():
    return f"{time.monotonic() - START:.1f}s"


async def get_db():  # one database session per request, closed afterwards
    global opened
    opened += 1
    session = opened
    print(f"{now()}  db: open session {session}")
    try:
        yield session
    finally:
        print(f"{now()}  db: close session {session}")


async def get_current_user(token, session=Depends(get_db)):
    await asyncio.sleep(0.4)  # look the token up in the database
    print(f"{now()}  user: {token} found via session {session}")
    return token


def allowed_labels(user=Depends(get_current_user)):  # plain def: a worker thread
    labels = ["public", "staff"] if USERS[user] == "staff" else ["public"]
    print(f"{now()}  auth: {user} ({USERS[user]}) may see {labels}")
    return labels


@app.get("/items")
async def read_items(labels=Depends(allowed_labels), session=Depends(get_db)):
    await asyncio.sleep(0.3)  # query the items, in the same session
    print(f"{now()}  endpoint: query ran in session {session}")
    return [name for name, label in ITEMS if label in labels]


async def visit(client, token, delay):
    await asyncio.sleep(delay)
    r = await client.get(f"/items?token={token}")
    print(f"{now()}  client {token}: {r.status_code} {r.json()}")


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        # Three requests in flight at once, 0.1s apart.
        await asyncio.gather(
            visit(client, "ann", 0),
            visit(client, "bob", 0.1),
            visit(client, "eve", 0.2),
        )


asyncio.run(main())
