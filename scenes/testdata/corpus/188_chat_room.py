# A tiny chat room: each member has an inbox queue; a broadcaster copies
# every message to every other member.
import asyncio


async def member(name, inbox, loop, t0):
    while True:
        sender, text = await inbox.get()
        if text is None:
            return
        print(f"{loop.time() - t0:.1f} {name} sees {sender}: {text}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    inboxes = {n: asyncio.Queue() for n in ("ana", "ben", "cleo")}
    members = [asyncio.create_task(member(n, q, loop, t0)) for n, q in inboxes.items()]
    script = [(0.5, "ana", "hi all"), (1.0, "ben", "hey ana"), (1.5, "cleo", "bye")]
    for delay, sender, text in script:
        await asyncio.sleep(delay - (loop.time() - t0))
        for name, q in inboxes.items():
            if name != sender:
                q.put_nowait((sender, text))
    for q in inboxes.values():
        q.put_nowait(("room", None))
    await asyncio.gather(*members)


asyncio.run(main())
