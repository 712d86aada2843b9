# Plain Python: conversions, truthiness and type names.
values = [0, 1, -2, 0.0, 2.5, "", "0", "text", [], [0], {}, None, True, (), set()]
for v in values:
    print(f"{v!r:>8} is {type(v).__name__:<8} truthy={bool(v)}")
print(int("  17 "), int("-3"), float("2.50"), float("1e3"), str(1.0), str(None), str([1, 2]))
print(list("abc"), tuple([1, 2]), list(range(3)), dict(a=1, b=2), set([1, 1, 2]) == {1, 2})
print(isinstance(3, int), isinstance(3.0, int), isinstance(True, int), isinstance("s", (int, str)))
print(repr("quote's"), repr('say "hi"'), str("plain"), repr(3.0), repr([1, "a"]))
print(0 or "default", "value" or "default", 0 and "never", 5 and "both true")
print("yes" if [] else "no", "yes" if [0] else "no")
