# timedelta as CPython keeps it: normalised to days, seconds and
# microseconds, with its str and repr, arithmetic and comparisons.
from datetime import timedelta

cases = [
    timedelta(),
    timedelta(1),
    timedelta(days=-1),
    timedelta(seconds=-1),
    timedelta(hours=25, minutes=61, seconds=61),
    timedelta(weeks=2, days=3, hours=4, minutes=5, seconds=6, milliseconds=7, microseconds=8),
    timedelta(seconds=1.5),
    timedelta(milliseconds=0.5),
    timedelta(microseconds=0.5),
    timedelta(microseconds=1.5),
    timedelta(microseconds=-1.5),
    timedelta(hours=0.1),
    timedelta(days=1.25, seconds=-0.75),
    timedelta(minutes=-90),
    timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999),
    timedelta(days=-999999999),
]
for d in cases:
    print(str(d), "|", repr(d), "|", d.days, d.seconds, d.microseconds, d.total_seconds(), bool(d))

a = timedelta(hours=1, minutes=30)
b = timedelta(minutes=45)
print(a + b, a - b, b - a, -a, +a, abs(-a))
print(a * 2, 3 * b, a * 1.5, a * 0.1, a / 4, a / 7, a // 7, a / 1.5)
print(a / b, a // b, a % b, divmod(a, b), divmod(-a, b))
print(a > b, a < b, a == timedelta(seconds=5400), a != b, a >= a, max(a, b), sorted([a, b, -b]))
print(timedelta.min, timedelta.max, timedelta.resolution)
print(repr(timedelta.min), repr(timedelta.max))
print({timedelta(seconds=60): "a minute"}[timedelta(minutes=1)])
print(f"{timedelta(seconds=3725)}", "took %s" % timedelta(seconds=0.25), [timedelta(0)])
print(sum([timedelta(seconds=1), timedelta(seconds=2)], timedelta()))
