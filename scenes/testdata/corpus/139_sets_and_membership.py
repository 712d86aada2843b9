# Plain Python: sets, membership, is and is not. Sets print sorted.
seen = set()
for word in ["loop", "task", "loop", "future", "task"]:
    if word in seen:
        print("duplicate:", word)
    seen.add(word)
print(sorted(seen), len(seen))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b))
print(2 in a, 9 not in a, len(a | b))
nothing = None
print(nothing is None, nothing is not None, [] is None)
empty = set()
print(type(empty).__name__, len(empty), bool(empty))
print(sorted(set("hello")), sorted(set([3, 1, 3, 2])))
