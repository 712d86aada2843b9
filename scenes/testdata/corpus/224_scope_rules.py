# Plain Python: closures see the latest value of a variable; default
# arguments freeze it; global and nonlocal rebind names.
level = "module"


def outer():
    level = "outer"

    def show():
        return level

    level = "outer, changed later"
    return show


print(outer()())


def counter():
    count = 0

    def inc(by=1):
        nonlocal count
        count += by
        return count

    def reset():
        nonlocal count
        old, count = count, 0
        return old

    return inc, reset


inc, reset = counter()
inc()
inc(5)
print("reset returned", reset(), "then inc gives", inc())


def set_level(new):
    global level
    old = level
    level = new
    return old


print(set_level("changed"), "->", level)
funcs = []
for i in range(3):
    def f(i=i):
        return i * 10
    funcs.append(f)
print([f() for f in funcs])
