# Wrapping a callback-style API in a future, so coroutines can await it.
import asyncio


def old_style_lookup(loop, key, on_done):
    # Pretends to be a library that answers through a callback later.
    table = {"paris": "France", "lima": "Peru"}

    def answer():
        if key in table:
            on_done(table[key], None)
        else:
            on_done(None, KeyError(key))

    loop.call_later(0.5, answer)


def lookup(key):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def on_done(value, error):
        if error is not None:
            fut.set_exception(error)
        else:
            fut.set_result(value)

    old_style_lookup(loop, key, on_done)
    return fut


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for city in ["paris", "oslo", "lima"]:
        try:
            country = await lookup(city)
            print(f"{loop.time() - t0:.1f} {city} is in {country}")
        except KeyError as e:
            print(f"{loop.time() - t0:.1f} unknown city {e}")


asyncio.run(main())
