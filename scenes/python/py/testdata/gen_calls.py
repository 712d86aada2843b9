# Generates random function signatures and calls (right and wrong), so that
# argument binding and its TypeError messages are compared with python3;
# argv[1] is the seed. Chunks are separated by ---.
import random, sys
random.seed(int(sys.argv[1]))

def signature():
    params = []
    names = iter("abcdefgh")
    for _ in range(random.randint(0, 2)):
        params.append(next(names))
    if random.random() < 0.4:
        for _ in range(random.randint(1, 2)):
            params.append(f"{next(names)}={random.randint(0, 9)}")
    if random.random() < 0.3:
        params.append("*args")
    elif random.random() < 0.3:
        params.append("*")
    if params and params[-1] in ("*args", "*"):
        for _ in range(random.randint(1 if params[-1] == "*" else 0, 2)):
            n = next(names)
            params.append(n if random.random() < 0.5 else f"{n}={random.randint(0, 9)}")
    if random.random() < 0.3:
        params.append("**kw")
    return params

def call_args():
    args = []
    for _ in range(random.randint(0, 4)):
        args.append(str(random.randint(0, 9)))
    if random.random() < 0.2:
        args.append("*[7, 8]")
    for _ in range(random.randint(0, 2)):
        args.append(f"{random.choice('abcdefghz')}={random.randint(0, 9)}")
    if random.random() < 0.15:
        args.append("**{'q': 1}")
    # keyword names must be unique in a call
    seen, out = set(), []
    for a in args:
        k = a.split("=")[0] if "=" in a and not a.startswith("*") else None
        if k in seen:
            continue
        if k:
            seen.add(k)
        out.append(a)
    return out

chunks = []
for i in range(200):
    params = signature()
    body = "return " + (" , ".join(["(" + ", ".join(p.split("=")[0].lstrip("*") for p in params if p != "*") + ",)"]) if [p for p in params if p != "*"] else "()")
    name = random.choice(["f", "handler", "fetch"])
    lines = [f"def {name}({', '.join(params)}):", f"    {body}"]
    for _ in range(3):
        lines.append("try:")
        lines.append(f"    print({name}({', '.join(call_args())}))")
        lines.append("except TypeError as e:")
        lines.append("    print('TypeError:', e)")
    lines.append(f"g = lambda {', '.join(params)}: 0" if params else "g = lambda: 0")
    lines.append("try:")
    lines.append(f"    print(g({', '.join(call_args())}))")
    lines.append("except TypeError as e:")
    lines.append("    print('TypeError:', e)")
    chunks.append("\n".join(lines))
print("\n---\n".join(chunks))
