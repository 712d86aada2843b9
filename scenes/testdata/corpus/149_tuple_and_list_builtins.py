# Plain Python: tuples, len, sum, min, max, any/all over data.
orders = [("tea", 2, 3.5), ("cake", 1, 4.25), ("tea", 1, 3.5), ("bun", 3, 1.0)]
print(len(orders), orders[1], orders[-1][0])
revenue = sum(qty * price for _, qty, price in orders)
print("revenue:", revenue)
print("cheapest:", min(orders, key=lambda o: o[2])[0], "dearest:", max(orders, key=lambda o: o[2])[0])
by_item = {}
for item, qty, _ in orders:
    by_item[item] = by_item.get(item, 0) + qty
print(by_item)
print("every quantity positive:", min(q for _, q, _ in orders) > 0, "| pie ordered:", "pie" in by_item)
point = (1, 2)
print(point + (3,), point * 2, (5,) * 3, tuple(reversed(point)), point.count(1), point.index(2))
print(sorted(by_item.items(), key=lambda kv: kv[1], reverse=True))
