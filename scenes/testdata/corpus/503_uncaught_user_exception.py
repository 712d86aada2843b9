# A scene's own exception class escaping asyncio.run: the last line of the
# traceback names the class without __main__.
import asyncio


class OrderError(Exception):
    def __init__(self, order_id):
        super().__init__(f"order {order_id} cannot be shipped")
        self.order_id = order_id


async def ship(order_id):
    await asyncio.sleep(0.5)
    raise OrderError(order_id)


async def main():
    print("shipping...")
    await ship(42)


asyncio.run(main())
