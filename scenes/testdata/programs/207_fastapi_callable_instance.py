# source: https://github.com/fastapi/fastapi/blob/master/docs_src/dependencies/tutorial011.py (FastAPI docs, Advanced Dependencies: parameterized dependencies); edits: a client at the end calls the path operations through httpx (the docs serve them with uvicorn)
from fastapi import Depends, FastAPI

app = FastAPI()


class FixedContentQueryChecker:
    def __init__(self, fixed_content: str):
        self.fixed_content = fixed_content

    def __call__(self, q: str = ""):
        return self.fixed_content in q if q else False


checker = FixedContentQueryChecker("bar")


@app.get("/query-checker/")
async def read_query_check(fixed_content_included: bool = Depends(checker)):
    return {"fixed_content_in_query": fixed_content_included}


# --- the client (added): requests as the docs' tests send them ---
import asyncio

from httpx import ASGITransport, AsyncClient


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url, headers, cookies in [("/query-checker/", {}, {}), ("/query-checker/?q=foobar", {}, {}), ("/query-checker/?q=foo", {}, {})]:
            r = await client.get(url, headers=headers, cookies=cookies)
            print(url, headers, cookies, r.status_code, r.json())


asyncio.run(main())
