# An exception travels up through awaits; each finally runs on the way out.
import asyncio


async def level3():
    try:
        await asyncio.sleep(0.5)
        raise ZeroDivisionError("deep inside")
    finally:
        print("  level3 finally")


async def level2():
    try:
        await level3()
    finally:
        print("  level2 finally")


async def level1():
    try:
        await level2()
    except ZeroDivisionError as e:
        print(f"  level1 caught: {e}")
        return "recovered"


async def main():
    print("result:", await level1())


asyncio.run(main())
