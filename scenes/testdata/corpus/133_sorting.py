# Plain Python: sorted with key=, reverse=, and stable ordering.
people = [("ada", 36), ("bob", 25), ("cy", 36), ("di", 19), ("ed", 25)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=lambda w: w.lower()))
print(sorted("loopscope"), "".join(sorted(set("loopscope"))))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(list(reversed(sorted([3, 1, 2]))))
