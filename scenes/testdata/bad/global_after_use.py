# want: 8:5: name 'counter' is used prior to global declaration
import asyncio

counter = 0

async def bump():
    print(counter)
    global counter
    counter += 1

asyncio.run(bump())
