import asyncio


async def slow_answer():
    await asyncio.sleep(5)
    return 42


async def main():
    try:
        answer = await asyncio.wait_for(slow_answer(), timeout=2)
        print("answer:", answer)
    except TimeoutError:
        print("gave up after 2 s")
    print("main goes on")


asyncio.run(main())
