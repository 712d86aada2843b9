# Generates random functions that nest try/except/else/finally, loops,
# break/continue/return, raise and generators (chunks separated by ---) for
# the differential test against python3; argv[1] is the seed.
import random, sys
random.seed(int(sys.argv[1]))

EXC = ["ValueError", "KeyError", "TypeError", "ZeroDivisionError", "RuntimeError"]
counter = [0]

def label():
    counter[0] += 1
    return counter[0]

def block(depth, ind, in_loop, in_gen):
    n = random.randint(1, 3)
    out = []
    for _ in range(n):
        out += stmt(depth, ind, in_loop, in_gen)
    return out

def stmt(depth, ind, in_loop, in_gen):
    p = " " * ind
    r = random.random()
    if depth <= 0 or r < 0.25:
        k = random.random()
        if in_loop and k < 0.12:
            return [p + "break"]
        if in_loop and k < 0.24:
            return [p + "continue"]
        if k < 0.34:
            return [p + f"return {label()}"]
        if k < 0.5:
            e = random.choice(EXC)
            return [p + f"raise {e}({label()})"]
        if in_gen and k < 0.65:
            return [p + f"got = yield {label()}", p + "print('sent', got)"]
        if k < 0.7:
            return [p + "raise"]
        return [p + f"print('at', {label()})"]
    if r < 0.5:
        lines = [p + "try:"] + block(depth - 1, ind + 4, in_loop, in_gen)
        handlers = random.randint(0, 2)
        for h in range(handlers):
            e = random.choice(EXC + ["(KeyError, ValueError)", "Exception"])
            if random.random() < 0.5:
                lines += [p + f"except {e} as e{h}:", p + f"    print('caught', repr(e{h}))"]
            else:
                lines += [p + f"except {e}:", p + "    print('caught')"]
            lines += block(depth - 1, ind + 4, in_loop, in_gen)
        if handlers and random.random() < 0.3:
            lines += [p + "else:"] + block(depth - 1, ind + 4, in_loop, in_gen)
        if not handlers or random.random() < 0.5:
            lines += [p + "finally:", p + f"    print('finally', {label()})"]
            if random.random() < 0.3:
                lines += block(depth - 1, ind + 4, in_loop, in_gen)
        return lines
    if r < 0.7:
        v = f"i{label()}"
        lines = [p + f"for {v} in range({random.randint(0, 3)}):", p + f"    print('loop', {v})"]
        lines += block(depth - 1, ind + 4, True, in_gen)
        if random.random() < 0.3:
            lines += [p + "else:", p + "    print('loop else')"]
        return lines
    if r < 0.8:
        v = f"w{label()}"
        lines = [p + f"{v} = 0", p + f"while {v} < {random.randint(0, 3)}:", p + f"    {v} += 1", p + f"    print('while', {v})"]
        lines += block(depth - 1, ind + 4, True, in_gen)
        return lines
    if r < 0.9:
        return [p + "if " + random.choice(["True", "False"]) + ":"] + block(depth - 1, ind + 4, in_loop, in_gen) + \
               [p + "else:"] + block(depth - 1, ind + 4, in_loop, in_gen)
    return [p + f"x = 1 // {random.choice(['0', '1'])}", p + "print('div ok')"]

chunks = []
for i in range(120):
    gen = random.random() < 0.3
    body = block(3, 4, False, gen)
    src = ["def f():"] + body + ["    return 'end'"]
    if gen:
        src += ["g = f()", "try:", "    print('first', next(g))", "    while True:", "        print('next', g.send('s'))",
                "except StopIteration as stop:", "    print('stopped', stop.value)", "except Exception as e:", "    print('escaped', repr(e))"]
    else:
        src += ["try:", "    print('result', f())", "except Exception as e:", "    print('escaped', repr(e), repr(e.__context__))"]
    chunks.append("\n".join(src))
print("\n---\n".join(chunks))
