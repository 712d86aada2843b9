# Attribute hooks: __getattr__ for missing attributes (a proxy that
# delegates and logs), __setattr__ that validates and then stores with
# object.__setattr__, and __delattr__.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self.target, name)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set private {name}")
        self.log.append("set " + name)
        setattr(self.target, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self.target, name)


class Box:
    def __init__(self):
        self.size = 1


b = Box()
p = Proxy(b)
print(p.size, p.target is b)
p.size = 5
print(b.size, p.size)
try:
    p._secret = 1
except AttributeError as e:
    print("AttributeError:", e)
p.color = "red"
del p.color
print(hasattr(b, "color"), p.log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
