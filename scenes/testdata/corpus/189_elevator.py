# An elevator controller: requests arrive over time, the car moves one
# floor per 0.5 s and serves requests in arrival order.
import asyncio


async def passengers(requests, loop, t0):
    for at, floor in [(0.0, 3), (0.25, 1), (2.0, 5)]:
        await asyncio.sleep(at - (loop.time() - t0))
        print(f"{loop.time() - t0:.2f} request for floor {floor}")
        await requests.put(floor)
    await requests.put(None)


async def car(requests, loop, t0):
    floor = 0
    while True:
        target = await requests.get()
        if target is None:
            break
        while floor != target:
            await asyncio.sleep(0.5)
            floor += 1 if target > floor else -1
        print(f"{loop.time() - t0:.2f} doors open at floor {floor}")
    print(f"{loop.time() - t0:.2f} elevator parked at floor {floor}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    requests = asyncio.Queue()
    await asyncio.gather(passengers(requests, loop, t0), car(requests, loop, t0))


asyncio.run(main())
