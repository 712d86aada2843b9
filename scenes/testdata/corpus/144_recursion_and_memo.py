# Plain Python: recursion with a memo dict, and default arguments.
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


print([fib(n) for n in range(15)])
print("fib(90) =", fib(90))


def flatten(items, depth=0):
    out = []
    for item in items:
        if isinstance(item, list):
            out += flatten(item, depth + 1)
        else:
            out.append((item, depth))
    return out


print(flatten([1, [2, [3, 4]], [[5]], 6]))


def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]


print(sorted(power_set(["a", "b", "c"]), key=lambda s: (len(s), s)))
