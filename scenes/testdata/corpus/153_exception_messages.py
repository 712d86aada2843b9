# What str(), repr() and args show for different exceptions.
errors = [
    ValueError("bad value"),
    ValueError(),
    RuntimeError("two", "parts"),
    KeyError("user_id"),
    KeyError(42),
    ZeroDivisionError("division by zero"),
    TimeoutError("too slow"),
    Exception("generic"),
]
for e in errors:
    print(f"{type(e).__name__:<18} str={str(e)!r:<22} repr={e!r}")
print(isinstance(KeyError("k"), Exception), isinstance(TimeoutError(), Exception))
try:
    raise KeyError("session")
except KeyError as e:
    print("caught KeyError with args", e.args)
