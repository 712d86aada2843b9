# Debouncing keystrokes: each key cancels the pending save and arms a new
# one, so the save runs only after the typing pauses.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    pending = [None]
    text = []

    def save():
        print(f"{loop.time() - t0:.1f} saved {''.join(text)!r}")

    def key(ch):
        text.append(ch)
        if pending[0] is not None:
            pending[0].cancel()
        pending[0] = loop.call_later(0.5, save)

    for ch, gap in [("h", 0.1), ("i", 0.2), (" ", 1.0), ("y", 0.1), ("o", 0.1), ("u", 1.0)]:
        key(ch)
        await asyncio.sleep(gap)
    print(f"{loop.time() - t0:.1f} typing over")


asyncio.run(main())
