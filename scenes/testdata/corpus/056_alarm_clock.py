# A snooze-able alarm made of timers and a future.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    woke = loop.create_future()
    snoozes = [0]
    alarm = [None]

    def ring():
        print(f"{loop.time() - t0:.1f} BEEP BEEP")
        if snoozes[0] < 2:
            snoozes[0] += 1
            print(f"{loop.time() - t0:.1f} snooze #{snoozes[0]}")
            alarm[0] = loop.call_later(0.5, ring)
        else:
            woke.set_result(snoozes[0])

    alarm[0] = loop.call_later(1, ring)
    count = await woke
    print(f"{loop.time() - t0:.1f} awake after {count} snoozes")


asyncio.run(main())
