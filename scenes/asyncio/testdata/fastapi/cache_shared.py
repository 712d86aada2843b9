# A sub-dependency shared by two dependencies is called once per request,
# and again for the next request.
import asyncio

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()
calls = 0


async def get_settings():
    global calls
    calls += 1
    print(f"settings called ({calls})")
    await asyncio.sleep(0.1)
    return {"id": calls}


async def get_a(s=Depends(get_settings)):
    print("a sees", s)
    return "a"


def get_b(s=Depends(get_settings)):
    print("b sees", s)
    return "b"


@app.get("/")
async def root(a=Depends(get_a), b=Depends(get_b), s=Depends(get_settings)):
    return [a, b, s["id"]]


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for _ in range(2):
            r = await client.get("/")
            print(r.status_code, r.json())
        rs = await asyncio.gather(client.get("/"), client.get("/"))
        print([r.json() for r in rs])


asyncio.run(main())
