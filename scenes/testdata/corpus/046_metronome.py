# A callback that re-arms itself with call_later: a metronome.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    state = {"beats": 0, "handle": None}

    def tick():
        state["beats"] += 1
        print(f"{loop.time() - t0:.2f} tick {state['beats']}")
        state["handle"] = loop.call_later(0.25, tick)

    state["handle"] = loop.call_later(0.25, tick)
    await asyncio.sleep(1.125)
    state["handle"].cancel()
    print(f"{loop.time() - t0:.2f} stopped after {state['beats']} beats")
    await asyncio.sleep(1)
    print(f"{loop.time() - t0:.2f} still {state['beats']} beats")


asyncio.run(main())
