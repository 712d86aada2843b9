# A yield dependency's teardown that raises after the response was sent:
# FastAPI 0.92 can no longer answer an HTTPException (the client gets
# ExceptionMiddleware's RuntimeError), and any other exception reaches the
# client too.
import asyncio
from fastapi import Depends, FastAPI, HTTPException
from httpx import ASGITransport, AsyncClient
app = FastAPI()
async def dep(kind: str):
    yield 1
    if kind == "http":
        raise HTTPException(status_code=403)
    raise KeyError(kind)
@app.get("/")
async def root(x=Depends(dep)):
    return x
async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for kind in ["http", "key"]:
            try:
                r = await client.get("/", params={"kind": kind})
                print(r.status_code)
            except Exception as e:
                print("client saw", type(e).__name__, e)
asyncio.run(main())
