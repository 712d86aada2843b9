# raise ... from ... keeps the original error as the cause.
import asyncio


async def load_config(text):
    await asyncio.sleep(0.1)
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"config value {text!r} is not a number") from e


async def main():
    print(await load_config("8080"))
    try:
        await load_config("eighty")
    except RuntimeError as e:
        print("RuntimeError:", e)
        print("caused by:", type(e.__cause__).__name__, "-", e.__cause__)


asyncio.run(main())
