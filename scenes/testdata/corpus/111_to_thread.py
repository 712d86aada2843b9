# asyncio.to_thread(fn, *args) is the short way to run a blocking call in
# the default executor and await its result.
import asyncio
import time


def read_sensor(sensor, seconds):
    time.sleep(seconds)
    return {"temp": 21, "humidity": 40}[sensor]


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    temp, humidity = await asyncio.gather(
        asyncio.to_thread(read_sensor, "temp", 1.0),
        asyncio.to_thread(read_sensor, "humidity", 1.5),
    )
    print(f"{loop.time() - t0:.1f} temp {temp}C, humidity {humidity}%")
    print("the two reads overlapped: 1.5s, not 2.5s")


asyncio.run(main())
