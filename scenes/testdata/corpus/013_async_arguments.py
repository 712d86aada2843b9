# Async functions take the same arguments as plain ones: defaults,
# keywords and *args.
import asyncio


async def order(dish, *extras, size="regular", wait=0.5):
    await asyncio.sleep(wait)
    extra_text = ", ".join(extras) if extras else "nothing extra"
    return f"{size} {dish} with {extra_text}"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await order("soup"))
    print(await order("pizza", "olives", "basil", size="large"))
    toppings = ["cheese", "ham"]
    print(await order("toast", *toppings, wait=0.25))
    print(f"took {loop.time() - t0:.2f}s")


asyncio.run(main())
