# A coroutine can return any value: here a tuple, unpacked by the caller.
import asyncio


async def measure(name, samples):
    await asyncio.sleep(0.5)
    lo, hi = min(samples), max(samples)
    mean = sum(samples) / len(samples)
    return name, lo, hi, mean


async def main():
    readings = {"kitchen": [19, 21, 20, 22], "garage": [8, 11, 9], "attic": [25, 27]}
    for room in sorted(readings):
        name, lo, hi, mean = await measure(room, readings[room])
        print(f"{name:>8}: low {lo:>3} high {hi:>3} mean {mean:6.2f}")


asyncio.run(main())
