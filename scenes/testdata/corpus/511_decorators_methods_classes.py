# Decorators on methods and classes: a decorator returning a closure that
# counts calls, one with arguments that retries, a class decorator that
# registers classes, stacked with @staticmethod and @property.
registry = {}


def register(cls):
    registry[cls.__name__] = cls
    return cls


def counted(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    return wrapper


def retry(times):
    def decorate(fn):
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
            return None
        return wrapper
    return decorate


@register
class Parser:
    def __init__(self):
        self.failures = 2

    @counted
    def parse(self, text):
        return text.split()

    @retry(3)
    def flaky(self, x):
        if self.failures > 0:
            self.failures -= 1
            raise ValueError(f"not yet ({self.failures} left)")
        return x * 2

    @staticmethod
    @counted
    def helper(x):
        return -x

    @property
    @counted
    def size(self):
        return 42


@register
class Other:
    pass


p = Parser()
print(p.parse("a b"), p.parse("c"), Parser.parse.calls, Parser.parse.__name__)
print(p.flaky(21))
print(Parser.helper(3), p.helper(4), p.size, p.size)
print(sorted(registry), registry["Parser"] is Parser)
