import asyncio
import time

START = time.monotonic()
balance = 100


def now():
    return f"{time.monotonic() - START:.1f}s"


async def withdraw(who, amount, check_seconds):
    global balance
    seen = balance  # read...
    print(f"{now()}  {who} reads balance {seen}")
    await asyncio.sleep(check_seconds)  # fraud check: the loop runs others
    balance = seen - amount  # ...write, based on what was read
    print(f"{now()}  {who} takes {amount}, writes {balance}")


async def withdraw_locked(lock, who, amount, check_seconds):
    print(f"{now()}  {who} asks for the lock; locked? {lock.locked()}")
    async with lock:  # one withdrawal at a time from read to write
        await withdraw(who, amount, check_seconds)


async def main():
    global balance
    await asyncio.gather(withdraw("ann", 30, 0.1), withdraw("bob", 50, 0.2))
    print(f"{now()}  without a lock: balance {balance}, should be 20")

    balance = 100
    lock = asyncio.Lock()
    await asyncio.gather(withdraw_locked(lock, "ann", 30, 0.1), withdraw_locked(lock, "bob", 50, 0.2))
    print(f"{now()}  with a lock: balance {balance}")


asyncio.run(main())
