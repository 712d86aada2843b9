# 45 plain def requests at once: anyio's default CapacityLimiter lets 40
# run in worker threads; the other 5 wait for a token.
import asyncio
import time

from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()
running = 0
peak = 0


@app.get("/slow/{n}")
def slow(n):
    global running, peak
    running += 1
    peak = max(peak, running)
    time.sleep(1)
    running -= 1
    return n


async def main():
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        t0 = time.monotonic()
        rs = await asyncio.gather(*[client.get(f"/slow/{i}") for i in range(45)])
        print(f"{time.monotonic() - t0:.1f}s peak {peak}", [r.json() for r in rs][-3:])
        await asyncio.sleep(11)  # workers idle for more than 10s are pruned on the next call
        r = await client.get("/slow/x")
        print(r.status_code, r.json(), peak)


asyncio.run(main())
