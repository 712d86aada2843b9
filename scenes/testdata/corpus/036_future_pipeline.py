# Done-callbacks can complete other futures, building a chain.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    raw = loop.create_future()
    cleaned = loop.create_future()
    stored = loop.create_future()

    def clean(f):
        print(f"{loop.time() - t0:.1f} cleaning {f.result()!r}")
        cleaned.set_result(f.result().strip().lower())

    def store(f):
        print(f"{loop.time() - t0:.1f} storing {f.result()!r}")
        loop.call_later(0.5, stored.set_result, len(f.result()))

    raw.add_done_callback(clean)
    cleaned.add_done_callback(store)
    loop.call_later(1, raw.set_result, "  Hello World  ")
    size = await stored
    print(f"{loop.time() - t0:.1f} stored {size} characters")


asyncio.run(main())
