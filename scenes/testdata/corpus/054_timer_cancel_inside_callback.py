# A callback can cancel a timer that is due at the same moment but has not
# run yet: it is skipped even though it was already taken off the heap.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    handles = {}

    def first():
        print("first runs and cancels second")
        handles["second"].cancel()

    def second():
        print("second runs (should not happen)")

    def third():
        print("third runs")

    handles["first"] = loop.call_later(0.5, first)
    handles["second"] = loop.call_later(0.5, second)
    handles["third"] = loop.call_later(0.5, third)
    await asyncio.sleep(1)
    for name in ["first", "second", "third"]:
        print(name, "cancelled:", handles[name].cancelled())


asyncio.run(main())
