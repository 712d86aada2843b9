# Prints, for each file named on the command line, every code object that
# CPython compiles for a function (def, lambda, comprehension) with its
# kind: plain, generator, coroutine or async_generator:
# "NAME<TAB>CODENAME FIRSTLINE KIND", sorted. Used by TestFlagsMatchCPython.
import inspect
import os
import sys


def kind(code):
    if code.co_flags & inspect.CO_ASYNC_GENERATOR:
        return "async_generator"
    if code.co_flags & inspect.CO_COROUTINE:
        return "coroutine"
    if code.co_flags & inspect.CO_GENERATOR:
        return "generator"
    return "plain"


def walk(code, name, out):
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            out.append(f"{name}\t{c.co_name} {c.co_firstlineno} {kind(c)}")
            walk(c, name, out)


for fn in sys.argv[1:]:
    name = os.path.basename(fn)
    try:
        code = compile(open(fn).read(), name, "exec")
    except SyntaxError:
        print(f"{name}\tERR")
        continue
    out = []
    walk(code, name, out)
    for line in sorted(out):
        print(line)
