# source: https://github.com/goutomroy/digging_asyncio/blob/master/generators_and_coroutines.py (digging_asyncio, a learner's asyncio notes on GitHub); edits: the commented-out examples 1-4 left out; `random.seed(5)` added so that the numbers repeat (the program never ends: run_forever with nothing to stop it)
# example 5
import asyncio
import datetime
import random
random.seed(5)


async def display_date(num, loop, ):
    end_time = loop.time() + 50.0
    while True:
        print("Loop: {} Time: {}".format(num, datetime.datetime.now()))
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(random.randint(1, 5))


loop = asyncio.get_event_loop()

asyncio.ensure_future(display_date(1, loop))
asyncio.ensure_future(display_date(2, loop))

loop.run_forever()
