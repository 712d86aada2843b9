# loop.call_soon queues plain callbacks; they run in FIFO order on the
# next loop iteration, with the arguments given.
import asyncio


def greet(who, punctuation):
    print(f"hello {who}{punctuation}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(greet, "first", "!")
    loop.call_soon(greet, "second", "?")
    loop.call_soon(print, "print works as a callback")
    handle = loop.call_soon(greet, "nobody", ".")
    handle.cancel()
    print("handle cancelled:", handle.cancelled())
    loop.call_soon(greet, "third", "...")
    print("queued four callbacks, cancelled one")
    await asyncio.sleep(0)
    print("back in main")


asyncio.run(main())
