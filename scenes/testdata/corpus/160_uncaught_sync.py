# An uncaught exception in a plain script: the lines printed before it
# stay, then Python prints the traceback and exits with status 1.
def checkout(cart):
    total = 0
    for item, price in cart:
        if price < 0:
            raise ValueError(f"negative price for {item}")
        total += price
        print(f"added {item}: {total}")
    return total


checkout([("tea", 3), ("scone", 2), ("refund", -5), ("jam", 4)])
print("never printed")
