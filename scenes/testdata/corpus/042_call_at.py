# call_at takes an absolute loop time; call_later(d) is call_at(now + d).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = loop.create_future()

    def stop_at(label):
        print(f"{loop.time() - start:.2f} {label}")

    loop.call_at(start + 0.75, stop_at, "call_at(start + 0.75)")
    loop.call_later(0.25, stop_at, "call_later(0.25)")
    loop.call_at(start + 0.5, stop_at, "call_at(start + 0.5)")
    loop.call_at(start + 1, done.set_result, None)
    await done
    print(f"{loop.time() - start:.2f} all stops visited")


asyncio.run(main())
