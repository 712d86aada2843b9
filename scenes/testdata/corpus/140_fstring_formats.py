# Plain Python: the f-string formats scenes use.
name, price, qty, ratio = "widget", 3.14159, 42, 0.0825
print(f"{name!r} {name} {qty!r}")
print(f"[{price:.2f}] [{price:.0f}] [{price:8.3f}]")
print(f"[{qty:>5}] [{qty:<5}] [{qty:^7}] [{qty:05d}]")
print(f"[{name:>10}] [{name:<10}] [{name:^10}]")
print(f"[{1234567:,}] [{1234567.891:,.2f}] [{ratio:.1%}] [{ratio:.0%}]")
print(f"[{-5:05d}] [{3:03}] [{-1.5:.2f}] [{2.5:>6.1f}] [{'ab'!r:>6}]")
print(f"{'nested ' + name.upper()} {qty * 2} {price > 3} {[n for n in range(3)]}")
print(f"{{literal braces}} and {name}")
items = {"a": 1.5, "bb": 22.25}
for k, v in items.items():
    print(f"{k:<4}:{v:>8.2f}")
print(f"{None} {True} {3.0} {1e-5} {2**64}")
