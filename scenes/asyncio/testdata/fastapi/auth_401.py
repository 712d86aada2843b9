# An auth dependency raises HTTPException(401) before the handler runs; a
# yield dependency entered before it sees the exception at its yield.
import asyncio

from fastapi import Depends, FastAPI, HTTPException
from httpx import ASGITransport, AsyncClient

app = FastAPI()
TOKENS = {"s3cret": "ann"}


async def get_session():
    print("session open")
    try:
        yield "session"
    except HTTPException as e:
        print("session saw", e.status_code, e.detail)
        raise
    finally:
        print("session closed")


async def get_user(token="", session=Depends(get_session)):
    await asyncio.sleep(0.1)
    if token not in TOKENS:
        print("auth: rejected", repr(token))
        raise HTTPException(status_code=401, detail="Invalid token")
    return TOKENS[token]


@app.get("/me")
async def me(user=Depends(get_user)):
    print("handler for", user)
    return {"user": user}


@app.get("/teapot")
def teapot():
    raise HTTPException(418)


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for url in ["/me?token=s3cret", "/me?token=nope", "/me", "/teapot", "/nowhere"]:
            r = await client.get(url)
            print(url, r.status_code, r.json())
        r = await client.post("/me")
        print("POST /me", r.status_code, r.text)


asyncio.run(main())
