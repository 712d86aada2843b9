# call_later returns a TimerHandle: it knows when it is due and can be
# cancelled before it fires.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()

    def ring(label):
        print(f"{loop.time() - t0:.1f} ring: {label}")

    h1 = loop.call_later(1.0, ring, "one second")
    h2 = loop.call_later(2.0, ring, "two seconds")
    h3 = loop.call_later(0.5, ring, "half a second")
    print(f"h1 due at +{h1.when() - t0:.1f}, h2 at +{h2.when() - t0:.1f}, h3 at +{h3.when() - t0:.1f}")
    await asyncio.sleep(1.5)
    h2.cancel()
    print(f"{loop.time() - t0:.1f} cancelled h2: {h2.cancelled()}, h1 cancelled: {h1.cancelled()}")
    await asyncio.sleep(1.0)
    print(f"{loop.time() - t0:.1f} nothing rang at 2.0")


asyncio.run(main())
