# datetime's errors, as CPython's C datetime words them (this scene reads
# no clock, so plain python3 runs it; vclock's pure-Python datetime words
# some of them differently).
from datetime import date, datetime as dt, timedelta, timezone

a = timedelta(hours=1, minutes=30)
d = dt(2024, 2, 28, 23, 30)
aware = dt(2026, 12, 7, 17, 13, 52, tzinfo=timezone(timedelta(hours=-5), "EST"))
cases = [
    lambda: timedelta(days=1000000000), lambda: timedelta.max + timedelta(1),
    lambda: a / 0, lambda: a // timedelta(0), lambda: a + 1, lambda: 1 - a,
    lambda: timedelta(hours="1"), lambda: a < 5, lambda: timedelta(x=1),
    lambda: date(2026, 2, 30), lambda: date(2026, 13, 1), lambda: dt(2026, 1, 1, 24), lambda: dt(0, 1, 1),
    lambda: d - date(2026, 1, 1), lambda: d < aware, lambda: d - aware, lambda: d + 1,
    lambda: dt.fromisoformat("yesterday"), lambda: dt.max + timedelta(1), lambda: d.isoformat(timespec="days"),
    lambda: date(2026, 1, 1) < d, lambda: timezone(timedelta(hours=24)), lambda: dt(2026, 1, 1, tzinfo=5),
    lambda: dt(2026, 1, 1, 1, 60), lambda: dt(2026, 1, 1, 1, 1, 1, 1000000), lambda: date.fromisoformat("2026-1-1"),
]
for case in cases:
    try:
        print(case())
    except Exception as e:
        print(type(e).__name__ + ":", e)
