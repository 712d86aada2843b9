# The loop treats a timer as due when it is less than the clock's
# resolution (1e-09 s) in the future: such a timer fires in the same
# iteration as one due exactly now, before anything call_soon'ed there.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    done = loop.create_future()

    def exact():
        print("timer due at +1 s")
        loop.call_soon(print, "call_soon from that timer")

    def hair_later():
        print("timer due a hair (5e-10 s) later, same iteration")

    loop.call_at(t0 + 1 + 5e-10, hair_later)
    loop.call_at(t0 + 1, exact)
    loop.call_at(t0 + 1.5, done.set_result, None)
    await done
    print(f"{loop.time() - t0:.1f} done")


asyncio.run(main())
