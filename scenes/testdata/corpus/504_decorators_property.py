# Decorators of the scene: plain, with arguments, stacked, on functions and
# async functions; @property with a setter, @staticmethod, @classmethod.
import asyncio

class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, item, code=404):
        super().__init__(f"{item} not found")
        self.item = item
        self.code = code

class Weird(ValueError):
    def __str__(self):
        return "weird!"

def deco(fn):
    def wrapper(*args):
        print("calling", fn.__name__)
        return fn(*args)
    return wrapper

def repeat(n):
    def d(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return d

@deco
@repeat(2)
def add(a, b):
    return a + b

class Temp:
    scale = "C"
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @staticmethod
    def info():
        return "temps"
    @classmethod
    def make(cls, v):
        return cls(v)

try:
    raise NotFound("apple")
except AppError as e:
    print(type(e).__name__, e, e.args, e.item, e.code, repr(e), isinstance(e, Exception))
try:
    raise Weird("x")
except ValueError as e:
    print(str(e), repr(e), e.args)
print(add(1, 2))
t = Temp.make(5)
t.c = 30
print(t.c, Temp.info(), t.info(), Temp.scale)
try:
    t.c = -300
except ValueError as e:
    print("error:", e)

@deco
async def work():
    await asyncio.sleep(1)
    return 7

async def main():
    print(await work())
    print("done")

asyncio.run(main())
