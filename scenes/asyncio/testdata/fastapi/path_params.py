# Path parameters without annotations (str as received) and a shared sync
# generator dependency.
import asyncio

from fastapi import Depends, FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()
log = []


def get_log(item_id):
    log.append(f"open {item_id}")
    yield log
    log.append(f"close {item_id}")


@app.get("/items/{item_id}")
def read_item(item_id, q=None, lg=Depends(get_log)):
    lg.append(f"read {item_id}")
    return {"item_id": item_id, "q": q}


@app.post("/items/{item_id}/tags/{tag}")
async def tag_item(item_id, tag, lg=Depends(get_log)):
    lg.append(f"tag {item_id} {tag}")
    return [item_id, tag]


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        for r in await asyncio.gather(client.get("/items/7?q=x"), client.post("/items/8/tags/red"), client.get("/items/")):
            print(r.status_code, r.json())
        print(log)


asyncio.run(main())
