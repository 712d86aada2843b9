# Plain Python: string slicing with steps, escapes and reprs.
s = "event loop"
print(s[::-1], s[-4:], s[:-5], s[1:8:2], s[8:1:-2], s[100:], s[-100:3])
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"), repr("it's"), repr('"quoted"'))
print(len("tab\there"), "tab\there")
print("a" < "b", "apple" < "apricot", "Z" < "a", "abc" * 0 == "", "10" < "9")
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(words)[:3], max(words, key=len), words.count("the"))
print(" ".join([w.capitalize() for w in words[:3]]))
print("x".join("abc"), "".join(reversed("stressed")), "-".join([str(n) for n in range(3)]))
print("{", "}", f"{'{'}{s}{'}'}", f"{s!r:>14}", f"[{s:^14}]")
