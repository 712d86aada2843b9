# A read-modify-write with an await in the middle loses updates unless a
# Lock protects it.
import asyncio

balance = 0


async def deposit_unsafe(amount):
    global balance
    current = balance
    await asyncio.sleep(0.1)  # e.g. a database round trip
    balance = current + amount


async def deposit_safe(amount, lock):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.1)
        balance = current + amount


async def main():
    global balance
    await asyncio.gather(*[deposit_unsafe(10) for _ in range(5)])
    print("without a lock, after 5 deposits of 10:", balance)
    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*[deposit_safe(10, lock) for _ in range(5)])
    print("with a lock, after 5 deposits of 10:", balance)


asyncio.run(main())
