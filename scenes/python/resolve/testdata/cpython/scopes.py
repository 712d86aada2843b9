# Prints, for each file named on the command line, every function scope
# of CPython's symtable (def, lambda, comprehension) with the names it
# classifies as local (L), cell (C) or free (F):
# "NAME<TAB>KIND LINE: x=L y=C z=F" sorted, where KIND is the function's
# name or lambda/listcomp/setcomp/dictcomp/genexpr. Used by
# TestScopesMatchCPython.
import os
import symtable
import sys

LOCAL, CELL, FREE = 1, 5, 4  # symtable's internal scope numbers (3.11)


def walk(table, name, out):
    for child in table.get_children():
        if child.get_type() == "function":
            syms = []
            for s in child.get_symbols():
                n = s.get_name()
                if n.startswith("."):
                    continue
                scope = s._Symbol__scope
                tag = {LOCAL: "L", CELL: "C", FREE: "F"}.get(scope)
                if tag:
                    syms.append(f"{n}={tag}")
            out.append(f"{name}\t{child.get_name()} {child.get_lineno()}: {' '.join(sorted(syms))}")
        walk(child, name, out)


for fn in sys.argv[1:]:
    name = os.path.basename(fn)
    try:
        top = symtable.symtable(open(fn).read(), name, "exec")
    except SyntaxError:
        print(f"{name}\tERR")
        continue
    out = []
    walk(top, name, out)
    for line in sorted(out):
        print(line)
