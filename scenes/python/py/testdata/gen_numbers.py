# Generates random number, format and rounding snippets (chunks separated by ---)
# for the differential test against python3; argv[1] is the seed.
import random, sys
random.seed(int(sys.argv[1]))
ints = ["0", "1", "-1", "7", "-7", "3", "255", "256", "-5", "2**63", "-(2**63)", "10**20", "True", "False"]
floats = ["0.0", "-0.0", "0.1", "1.5", "-2.5", "1e300", "1e-300", "3.14159", "2.675", "1e16", "123456.789", "float('inf')", "float('nan')"]
strs = ["'abc'", "''", "'a b  c'", "'Hello'", "'x,y,,z'", "'  pad  '"]
ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "<=", "==", "!=", ">", ">="]
specs = ["", ">8", "<8", "^9", "08.3f", ".2f", ".3g", "e", ".1%", ",", "_", "+d", "x", "#x", "o", "b", "10.4", ".0f", "g", "G", "E", "=+10.2f", "*^12,.1f", "n", ".10g", ".17g", "#.0f", "z.1f"]
def atom():
    return random.choice(ints + floats + strs)
chunks = []
for i in range(400):
    k = random.random()
    if k < 0.45:
        a, b = random.choice(ints + floats), random.choice(ints + floats)
        op = random.choice(ops)
        if op == "**":
            b = random.choice(["0", "1", "2", "3", "-1", "0.5", "-2", "10"])
            if b == "0.5" and a.startswith("-"):
                a = a[1:]
        if op in ("<<", ">>"):
            b = random.choice(["0", "1", "5", "64", "100"])
        chunks.append(f"print(repr(({a}) {op} ({b})))")
    elif k < 0.75:
        v = random.choice(ints + floats)
        s = random.choice(specs)
        chunks.append(f"v = {v}\nprint(f'{{v:{s}}}')")
    elif k < 0.85:
        v = random.choice(floats + ints)
        n = random.choice(["", ", 0", ", 1", ", 2", ", -1", ", 5"])
        chunks.append(f"print(repr(round({v}{n})))")
    else:
        v = random.choice(ints + floats + strs)
        fmt = random.choice(["%s", "%r", "%d", "%5.2f", "%-6s|", "%x", "%e", "%g", "%05d", "%+.1f", "%i", "%.3s"])
        chunks.append(f"print({fmt!r} % ({v},))")
print("\n---\n".join(chunks))
