# Hashing rules: defining __eq__ alone makes instances unhashable
# (__hash__ is None); __hash__ with __eq__ makes equal objects one dict
# key; a subclass inherits both; default objects hash by identity.
class Loose:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(("Key", self.k))

    def __repr__(self):
        return f"Key({self.k})"


class SubKey(Key):
    pass


class Plain:
    pass


print(Loose.__hash__, Loose(1) == Loose(1))
for x in (Loose(1),):
    try:
        {x: 1}
    except TypeError as e:
        print("TypeError:", e)
    try:
        hash(x)
    except TypeError as e:
        print("TypeError:", e)
d = {Key(1): "one", Key(2): "two"}
d[Key(1)] = "uno"
print(d, len({Key(3), Key(3), SubKey(3)}), Key(1) in d, SubKey(2) in d)
p, q = Plain(), Plain()
print(len({p, q, p}), p == q, p == p, {p: 1}[p], hash(p) == hash(p))
