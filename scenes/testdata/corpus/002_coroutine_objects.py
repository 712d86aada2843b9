# Calling an async function does not run it: it builds a coroutine object.
# Only awaiting it (or wrapping it in a task) runs the body.
import asyncio


async def greet(name):
    print(f"  body of greet({name!r}) runs")
    return f"hi {name}"


async def main():
    coro = greet("ada")
    print("called greet, got a", type(coro).__name__)
    print("is it a coroutine?", asyncio.iscoroutine(coro))
    print("is the function a coroutine?", asyncio.iscoroutine(greet))
    print("is a string a coroutine?", asyncio.iscoroutine("greet"))
    text = await coro
    print("awaited it:", text)
    again = await greet("bob")
    print("awaited directly:", again)


asyncio.run(main())
