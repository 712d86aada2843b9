# The repr of a container nested deeper than the recursion limit raises
# RecursionError, as CPython's does, instead of printing a truncated text;
# each nested container counts against the limit with the calls running.


def nest(n, wrap):
    x = wrap(None)
    for _ in range(n):
        x = wrap(x)
    return x


def attempt(label, f):
    try:
        print(label, len(f()))
    except RecursionError as e:
        print(label, "RecursionError:", e)


deep = nest(3000, lambda x: [x])
attempt("list 3000", lambda: repr(deep))
attempt("str 3000", lambda: str(deep))
attempt("f-string 3000", lambda: f"{deep}")
attempt("dict 3000", lambda: repr(nest(3000, lambda x: {"k": x})))
attempt("tuple 3000", lambda: repr(nest(3000, lambda x: (x,))))
attempt("list 500", lambda: repr(nest(500, lambda x: [x])))
attempt("list 990", lambda: repr(nest(990, lambda x: [x])))


def down(k):
    if k:
        return down(k - 1)
    return repr(nest(900, lambda x: [x]))


attempt("list 900 under 50 calls", lambda: down(50))
attempt("list 900 under 150 calls", lambda: down(150))
try:
    print(deep)
except RecursionError:
    print("print of the deep list: RecursionError")
