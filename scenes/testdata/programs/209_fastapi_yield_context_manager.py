# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial007.py and tutorial010.py (FastAPI docs, Dependencies with yield; using context managers in dependencies with yield); edits: DBSession defined (the docs leave it out, it prints when it opens and closes), a path operation that uses get_db, and a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
from fastapi import Depends, FastAPI


class DBSession:
    def __init__(self):
        print("DBSession opened")

    def close(self):
        print("DBSession closed")


class MySuperContextManager:
    def __init__(self):
        self.db = DBSession()

    def __enter__(self):
        return self.db

    def __exit__(self, exc_type, exc_value, traceback):
        self.db.close()


async def get_db():
    with MySuperContextManager() as db:
        yield db


async def get_db_plain():
    db = DBSession()
    try:
        yield db
    finally:
        db.close()


app = FastAPI()


@app.get("/items/")
async def read_items(db: DBSession = Depends(get_db)):
    print("read_items has", type(db).__name__)
    return {"db": type(db).__name__}


@app.get("/users/")
def read_users(db: DBSession = Depends(get_db_plain)):
    print("read_users has", type(db).__name__)
    return {"db": type(db).__name__}


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/items/", {}, {}), ("/users/", {}, {})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
