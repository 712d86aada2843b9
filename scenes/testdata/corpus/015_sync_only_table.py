# No asyncio at all: a plain program that formats a small table.
rows = [("espresso", 2.5, 3), ("latte", 3.75, 12), ("mocha", 4.0, 7)]
print(f"{'drink':<10}|{'price':>7}|{'sold':^7}|")
print("-" * 28)
total = 0
for name, price, sold in rows:
    total += price * sold
    print(f"{name:<10}|{price:>7.2f}|{sold:^7}|")
print("-" * 28)
print(f"{'revenue':<10}|{total:>7.2f}|")
print(f"order ids: {7:05d} {42:05d}")
print(f"big number: {1234567:,}  share: {0.256:.1%}")
