# shield protects an operation from the caller's cancellation: the
# wait_for times out, but the shielded payment still completes.
import asyncio


async def charge_card(amount):
    print(f"  charging {amount}")
    await asyncio.sleep(2)
    print(f"  charged {amount}")
    return f"receipt for {amount}"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    payment = asyncio.create_task(charge_card(30))
    try:
        await asyncio.wait_for(asyncio.shield(payment), timeout=1)
    except TimeoutError:
        print(f"{loop.time() - t0:.1f} the customer stopped waiting")
    print("payment cancelled?", payment.cancelled())
    receipt = await payment
    print(f"{loop.time() - t0:.1f} {receipt}")


asyncio.run(main())
