# When main() returns, asyncio.run cancels tasks that are still pending;
# their except and finally blocks run before asyncio.run returns.
import asyncio


async def background():
    try:
        while True:
            await asyncio.sleep(1)
            print("  background tick")
    except asyncio.CancelledError:
        print("  background: cancelled by asyncio.run")
        raise
    finally:
        print("  background: finally block")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(2.5)
    print("main returns")
    return "main's value"


print("asyncio.run returned", asyncio.run(main()))
