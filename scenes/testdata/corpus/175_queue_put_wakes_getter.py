# put_nowait on a queue wakes the waiting getter, but the putter keeps
# running until it awaits; the getter resumes afterwards.
import asyncio


async def getter(q, log):
    item = await q.get()
    log.append(f"getter received {item}")


async def main():
    q = asyncio.Queue()
    log = []
    g = asyncio.create_task(getter(q, log))
    await asyncio.sleep(0)
    q.put_nowait("parcel")
    log.append("main put the parcel and keeps going")
    q.put_nowait("letter")
    log.append(f"main sees qsize {q.qsize()}")
    await g
    log.append(f"left in the queue: {q.get_nowait()}")
    print("\n".join(log))


asyncio.run(main())
