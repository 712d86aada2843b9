# ZeroDivisionError messages differ for /, // and %.
cases = [(1, 0, "/"), (1, 0, "//"), (1, 0, "%"), (1.0, 0, "/"), (1.5, 0.0, "//"), (5, 2, "/")]
for a, b, op in cases:
    try:
        if op == "/":
            r = a / b
        elif op == "//":
            r = a // b
        else:
            r = a % b
        print(f"{a} {op} {b} = {r}")
    except ZeroDivisionError as e:
        print(f"{a} {op} {b} -> ZeroDivisionError: {e}")
