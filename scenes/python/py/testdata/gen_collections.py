# Generates random str, list and dict snippets (chunks separated by ---) for
# the differential test against python3; argv[1] is the seed.
import random, sys
random.seed(int(sys.argv[1]))
strs = ["'abc'", "''", "'a b  c'", "'Hello World'", "'x,y,,z'", "'  pad  '", "'aaa'", "'日本語'", "'CamelCase'", "'123'", "'a\\tb\\nc'"]
args1 = ["'a'", "','", "' '", "'b'", "'aa'", "''", "'z'", "('a', 'H')"]
meths = [("split", ["", "','", "None, 1", "' ', 2"]), ("rsplit", ["", "None, 1", "',', 1"]), ("strip", ["", "'a'", "' p'"]),
 ("lstrip", [""]), ("rstrip", ["'z '"]), ("upper", [""]), ("lower", [""]), ("title", [""]), ("capitalize", [""]),
 ("swapcase", [""]), ("find", ["'a'", "'b', 1", "'', 2"]), ("rfind", ["'a'"]), ("count", ["'a'", "''"]), ("replace", ["'a', 'X'", "'', '-'", "'a', '', 1"]),
 ("startswith", ["'a'", "('x', 'H')", "'b', 1"]), ("endswith", ["'c'", "''"]), ("center", ["9", "10, '*'", "2"]), ("ljust", ["6", "6, '.'"]),
 ("rjust", ["7"]), ("zfill", ["6"]), ("partition", ["'a'", "' '"]), ("rpartition", ["'a'"]), ("isdigit", [""]), ("isalpha", [""]),
 ("isspace", [""]), ("isupper", [""]), ("istitle", [""]), ("splitlines", ["", "True"]), ("join", ["['1', '2']", "'xyz'"]),
 ("removeprefix", ["'a'"]), ("removesuffix", ["'c'"]), ("expandtabs", ["", "2"]), ("encode", [""]), ("isalnum", [""]), ("casefold", [""])]
lists = ["[3, 1, 2]", "[]", "['b', 'a', 'C']", "[1.5, -2, 3]", "[(2, 'a'), (1, 'b'), (2, 'A')]", "[0, 0, 1]", "list(range(5))"]
chunks = []
for i in range(400):
    k = random.random()
    if k < 0.5:
        s = random.choice(strs)
        m, choices = random.choice(meths)
        a = random.choice(choices)
        chunks.append(f"print(repr({s}.{m}({a})))")
    elif k < 0.65:
        s = random.choice(strs)
        sl = random.choice(["[1:]", "[:-1]", "[::2]", "[::-1]", "[5:1:-1]", "[-3:]", "[1]", "[-1]", "[10:]", "[1:2:0]"])
        chunks.append(f"print(repr({s}{sl}))")
    elif k < 0.85:
        l = random.choice(lists)
        op = random.choice(["sorted({l})", "sorted({l}, reverse=True)", "sorted({l}, key=str)", "max({l})", "min({l}, default=9)", "sum({l})",
                            "list(reversed({l}))", "{l} * 2", "{l} + [9]", "len({l})", "{l}.index(1)", "{l}.count(0)", "list(enumerate({l}))",
                            "list(zip({l}, 'xyz'))", "{l}[1:]", "dict.fromkeys({l})", "set({l}) if all(isinstance(x, int) for x in {l}) else 0",
                            "tuple({l})", "{l} == sorted({l})", "[x for x in {l} if x]", "any({l})", "all({l})"])
        chunks.append("print(repr(" + op.format(l=l) + "))")
    else:
        d = random.choice(["{'a': 1, 'b': 2}", "{}", "{1: 'x', 2: 'y', 3: 'z'}", "dict(zip('abc', range(3)))"])
        op = random.choice(["list({d}.items())", "{d}.get('a')", "{d}.get(1, 'no')", "sorted({d})", "{d} | {{'z': 0}}", "len({d})",
                            "{{k: v for k, v in {d}.items()}}", "list({d}.values())", "{d}.keys()", "str({d}.items())", "'a' in {d}",
                            "{d}.copy()", "{d}.pop('a', None)", "{d}.setdefault('q', 5)"])
        chunks.append("print(repr(" + op.format(d=d) + "))")
print("\n---\n".join(chunks))
