# `global` from coroutines: tasks updating module-level state.
import asyncio

visits = 0
history = []


async def visitor(name, delay):
    global visits
    await asyncio.sleep(delay)
    visits += 1
    history.append(f"{name}#{visits}")


async def main():
    await asyncio.gather(*[visitor(n, d) for n, d in [("ann", 0.3), ("bob", 0.1), ("cat", 0.2)]])
    print("visits:", visits)
    print("history:", history)


asyncio.run(main())
print("after the loop, visits is still", visits)
