# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial008.py (FastAPI docs, Sub-dependencies with yield); edits: generate_dep_a/b/c defined (the docs leave them out: their objects print, and close takes the dependency it closes after), a path operation that uses dependency_c, and a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
from fastapi import Depends, FastAPI


class Dep:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def close(self, after=None):
        print("close", self.name, "after" if after else "", after.name if after else "")


def generate_dep_a():
    return Dep("a")


def generate_dep_b():
    return Dep("b")


def generate_dep_c():
    return Dep("c")


async def dependency_a():
    dep_a = generate_dep_a()
    try:
        yield dep_a
    finally:
        dep_a.close()


async def dependency_b(dep_a=Depends(dependency_a)):
    dep_b = generate_dep_b()
    try:
        yield dep_b
    finally:
        dep_b.close(dep_a)


async def dependency_c(dep_b=Depends(dependency_b)):
    dep_c = generate_dep_c()
    try:
        yield dep_c
    finally:
        dep_c.close(dep_b)


app = FastAPI()


@app.get("/chain/")
async def read_chain(dep_c=Depends(dependency_c)):
    return {"dep": dep_c.name}


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/chain/", {}, {})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
