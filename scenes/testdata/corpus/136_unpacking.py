# Plain Python: tuple unpacking, swapping, starred calls and *args.
point = (3, 4)
x, y = point
print(x, y)
x, y = y, x
print("swapped:", x, y)
(a, b), c = (1, 2), 3
print(a, b, c)
for i, (name, score) in enumerate([("ann", 90), ("bo", 85)]):
    print(i, name, score)


def total(*values, start=0):
    result = start
    for v in values:
        result += v
    return result


nums = [1, 2, 3]
print(total(*nums), total(*nums, start=10), total())


def describe(name, age=0, city="nowhere"):
    return f"{name}, {age}, from {city}"


print(describe("kim"))
print(describe("lee", city="oslo"))
print(describe(age=30, name="max"))
args = ["zoe", 41]
print(describe(*args, city="lima"))
head, tail = "loop", ["task", "future"]
print(head, tail, [head] + tail)
