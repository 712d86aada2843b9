# asyncio.run makes a fresh loop each time; the clock keeps going.
import asyncio
import time

START = time.monotonic()


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{time.monotonic() - START:.1f} {name} finished")
    return name.upper()


first = asyncio.run(job("first run", 1))
print("between runs:", first)
second = asyncio.run(job("second run", 0.5))
print("after both:", second)
print(f"total {time.monotonic() - START:.1f}s")
