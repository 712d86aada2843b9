# Prints, for each file named on the command line, the value of every
# constant and the shape of every f-string of CPython's ast, in source
# order (C is the 0-based column in characters): "NAME<TAB>L:C int 42", "... str <utf-8 hex>", "... bytes <hex>",
# "... float <float.hex()>", "... fstr [lit <hex> | field <conv> <spec?>]...".
# Used by TestLiteralsMatchCPython.
import ast
import os
import sys


def fparts(node):
    out = []
    for v in node.values:
        if isinstance(v, ast.Constant):
            out.append("lit " + v.value.encode("utf-8", "surrogatepass").hex())
        else:
            conv = chr(v.conversion) if v.conversion != -1 else "-"
            spec = "spec(" + " ".join(fparts(v.format_spec)) + ")" if v.format_spec else "nospec"
            out.append(f"field {conv} {spec}")
    return out


for fn in sys.argv[1:]:
    name = os.path.basename(fn)
    src = open(fn).read()
    lines = src.split("\n")
    try:
        tree = ast.parse(src)
    except SyntaxError:
        print(f"{name}\tERR")
        continue
    inner = set()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for v in node.values:
                inner.add(id(v))
                if isinstance(v, ast.FormattedValue) and v.format_spec is not None:
                    inner.add(id(v.format_spec))
                    for w in v.format_spec.values:
                        inner.add(id(w))
    for node in ast.walk(tree):
        if id(node) in inner:
            continue
        if isinstance(node, ast.JoinedStr):
            out.append((node.lineno, node.col_offset, "fstr " + " ".join(fparts(node))))
        elif isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool) or v is None or v is Ellipsis:
                s = repr(v)
            elif isinstance(v, int):
                s = f"int {v}"
            elif isinstance(v, float):
                s = f"float {v.hex()}"
            elif isinstance(v, str):
                s = "str " + v.encode("utf-8", "surrogatepass").hex()
            elif isinstance(v, bytes):
                s = "bytes " + v.hex()
            else:
                s = "other " + repr(v)
            out.append((node.lineno, node.col_offset, s))
    for line, col, s in sorted(out):
        col = len(lines[line - 1].encode()[:col].decode())  # in characters
        print(f"{name}\t{line}:{col} {s}")
