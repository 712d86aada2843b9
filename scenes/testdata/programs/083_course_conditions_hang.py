# source: https://github.com/twoLoop-40/asyncio_course/blob/main/codes/23_conditions.py (an asyncio course's code on GitHub); edits: `from random import seed; seed(4)` added so that the numbers repeat (the program never ends: three waiters are never notified)
import asyncio
from random import randint
from random import seed; seed(4)


async def waiter(condition, id):
    async with condition:
        print(f'Waiter {id} is awaiting')
        await condition.wait()

        num = randint(1, 5)
        print(f'Waiter {id} generated {num}')


async def starter(condition):
    print('Waiting for 5 seconds')
    await asyncio.sleep(5)

    async with condition:
        condition.notify(2)


async def main():
    condition = asyncio.Condition()

    waiters = [
        asyncio.create_task(waiter(condition, id=i))
        for i in range(5)
    ]

    asyncio.create_task(starter(condition))

    await asyncio.gather(*waiters)






asyncio.run(main())
