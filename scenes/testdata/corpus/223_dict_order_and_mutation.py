# Plain Python: dict order after deletes and re-inserts; copying; nesting.
d = {"b": 1, "a": 2, "c": 3}
del d["a"]
d["a"] = 4
d["b"] = 5
print(d, list(d))
e = dict(d)
e["z"] = 0
print(len(d), len(e), "z" in d)
nested = {"x": {"y": [1, 2]}}
nested["x"]["y"].append(3)
print(nested, nested["x"]["y"][-1])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
keys = list(counts.keys())
for k in keys:
    if counts[k] == 1:
        del counts[k]
print(counts, list(counts.values()))
print({1: "int", 1.0: "float", True: "bool"})
print(dict(zip("abc", range(3))), {k: v for k, v in [("p", 1), ("p", 2)]})
