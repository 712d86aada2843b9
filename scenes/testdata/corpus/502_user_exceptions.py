# Exceptions defined by the scene: subclasses of Exception and of builtin
# exceptions, with and without __init__, super().__init__(msg), extra
# attributes, __str__, except by class and by base class.
import asyncio


class OwnerError(Exception):
    pass


class PaymentError(Exception):
    def __init__(self, amount, reason):
        super().__init__(f"payment of {amount} failed: {reason}")
        self.amount = amount
        self.reason = reason


class Declined(PaymentError):
    pass


class BadInput(ValueError):
    def __init__(self, field):
        self.field = field

    def __str__(self):
        return f"bad field {self.field!r}"


async def pay(amount):
    await asyncio.sleep(0.1)
    if amount > 100:
        raise Declined(amount, "limit")
    if amount < 0:
        raise BadInput("amount")
    return amount


async def main():
    try:
        raise OwnerError("not the owner")
    except OwnerError as e:
        print(type(e).__name__, e, e.args, repr(e))
    for amount in (50, 500, -1):
        try:
            print("paid", await pay(amount))
        except PaymentError as e:
            print("payment error:", e, e.amount, e.reason, type(e).__name__)
            print(isinstance(e, Exception), isinstance(e, Declined), e.args)
        except ValueError as e:
            print("value error:", e, e.field, e.args, repr(e))
    results = await asyncio.gather(pay(1), pay(1000), pay(-5), return_exceptions=True)
    print([type(r).__name__ for r in results])
    print([str(r) for r in results])
    try:
        raise Declined(7, "card") from KeyError("k")
    except Exception as e:
        print(repr(e), repr(e.__cause__))


asyncio.run(main())
