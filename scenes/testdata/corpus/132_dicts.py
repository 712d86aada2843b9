# Plain Python: dictionaries keep insertion order.
stock = {"apples": 5, "pears": 0}
stock["plums"] = 12
stock["apples"] += 3
print(stock)
print(stock.get("kiwis"), stock.get("kiwis", 0), "pears" in stock)
print(list(stock.keys()), list(stock.values()))
for fruit, count in stock.items():
    print(f"{fruit:<7}{count:>3}")
removed = stock.pop("pears")
print("removed", removed, "->", stock)
stock.update({"kiwis": 4, "plums": 10})
print(stock, len(stock))
stock.setdefault("limes", 1)
stock.setdefault("apples", 99)
print(stock)
squares = {n: n * n for n in range(5)}
print(squares)
inverted = {v: k for k, v in squares.items() if v % 2 == 0}
print(inverted)
del squares[0]
print(sorted(squares), dict([("a", 1), ("b", 2)]))
try:
    stock["mangos"]
except KeyError as e:
    print("KeyError:", e, "| repr:", repr(e))
