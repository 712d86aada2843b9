# Plain Python: finally always runs, even on return and continue; an
# exception raised in except replaces the original.
def f():
    try:
        return "from try"
    finally:
        print("  finally runs before the return completes")


def g():
    try:
        raise ValueError("original")
    except ValueError:
        raise RuntimeError("replacement")


def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("  body", i)
        finally:
            print("  finally", i)
    return "loop done"


print(f())
try:
    g()
except RuntimeError as e:
    print("caught", repr(e))
print(h())
