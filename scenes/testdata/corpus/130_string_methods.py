# Plain Python: the str methods a scene uses most.
line = "  Hello, Event Loop!  "
print(repr(line.strip()), repr(line.lstrip()), repr(line.rstrip()))
word = line.strip()
print(word.upper(), word.lower(), word.title())
print(word.replace("Hello", "Goodbye"), word.count("l"), word.find("Loop"), word.find("x"))
print(word.startswith("Hello"), word.endswith("?"))
csv = "ada,bob,,cy"
parts = csv.split(",")
print(parts, len(parts))
print("|".join(p or "-" for p in parts))
print("a b  c".split(), "k=v=w".split("=", 1))
print("42".isdigit(), "4x".isdigit(), "abc".isalpha())
print("-".join(["2024", "01", "31"]), "ab" * 3, "x" + "y")
print("Loop" in word, "loop" in word, "loop" not in word)
print(f"{'left':<8}|{'right':>8}|{'mid':^7}|")
print("title case:", "the quick brown fox".title(), "| zfill:", "7".zfill(3))
