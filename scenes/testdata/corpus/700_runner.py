# asyncio.Runner (3.11): one event loop for several coroutines run one
# after another; the with block closes it as asyncio.run would.
import asyncio


async def step(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done at {asyncio.get_running_loop().time():.1f}")
    return name.upper()


async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leftover cancelled when the runner closed")
        raise


async def start_leftover():
    asyncio.create_task(leftover())
    await asyncio.sleep(0)


with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print(runner.run(step("first", 1)))
    print(runner.run(step("second", 0.5)))
    print("same loop:", runner.get_loop() is loop, loop.is_running(), loop.is_closed())
    print("current task name:", runner.run(asyncio.sleep(0, "x")))
    runner.run(start_leftover())
print("closed:", loop.is_closed())
third = step("third", 1)
try:
    runner.run(third)
except RuntimeError as e:
    print("RuntimeError:", e)
third.close()  # never run: closing it keeps CPython from warning that it was never awaited

runner = asyncio.Runner()
print(runner.run(step("fourth", 2)))
runner.close()
runner.close()
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.Runner().run(print)
except ValueError as e:
    print("ValueError:", e)
