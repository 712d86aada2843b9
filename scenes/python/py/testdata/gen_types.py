# Generates every operator and common builtin applied to values of every
# scene type, so that results and TypeError messages are compared with
# python3; argv[1] selects a slice of the cases. Chunks are separated by ---.
import sys
vals = ["3", "2.5", "'ab'", "[1, 2]", "(1, 2)", "{'k': 1}", "{1, 2}", "None", "True", "b'xy'", "range(3)", "ValueError('v')"]
ops = ["+", "-", "*", "/", "//", "%", "**", "<", "<=", "==", "!=", "in", "&", "|", "^", "<<", ">>"]
un = ["-{}", "+{}", "~{}", "not {}", "len({})", "abs({})", "int({})", "float({})", "str({})", "bool({})", "list({})", "tuple({})",
      "sorted({})", "min({})", "sum({})", "round({})", "{}[0]", "{}[1:]", "({}).x", "{}()", "repr({})", "dict({})"]
cases = []
for a in vals:
    for b in vals:
        for op in ops:
            cases.append(f"print(repr(({a}) {op} ({b})))")
    for u in un:
        cases.append("print(repr(" + u.format(a, a) + "))")
part = int(sys.argv[1]) % 4
chunks = [c for i, c in enumerate(cases) if i % 4 == part]
print("\n---\n".join(chunks))
