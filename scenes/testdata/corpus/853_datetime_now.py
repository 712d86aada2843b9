# datetime.now(), today() and utcnow() read the wall clock, which moves with
# the virtual clock; dates and datetimes print, format and compute as
# CPython's do.
import asyncio
import datetime
from datetime import date, datetime as dt, timedelta, timezone


async def job(name, seconds):
    started = dt.now()
    await asyncio.sleep(seconds)
    took = dt.now() - started
    print(f"{name} finished at {dt.now():%H:%M:%S.%f} after {took}")


async def main():
    start = dt.now()
    print(start, repr(start), start.isoformat())
    print(date.today(), repr(date.today()), dt.today().date() == date.today())
    print(dt.utcnow(), dt.now(timezone.utc), repr(dt.now(timezone.utc)))
    await asyncio.gather(job("a", 1.25), job("b", 0.5), job("c", 90))
    print("elapsed", dt.now() - start, (dt.now() - start).total_seconds())
    print(start.strftime("%Y-%m-%d %H:%M:%S"), start.strftime("%A %d %B %Y, %I:%M %p"), start.strftime("%j %U %a %b %y %c %x %X %%"))
    print(start.strftime("[%z] [%Z] %f"), dt.now(timezone.utc).strftime("%z %Z"))
    print(start.year, start.month, start.day, start.hour, start.minute, start.second, start.microsecond, start.tzinfo)
    print(start.weekday(), start.isoweekday(), start.timetuple(), start.ctime())
    print(start.timestamp(), dt.fromtimestamp(start.timestamp()) == start, dt.fromtimestamp(0), dt.utcfromtimestamp(1.5))
    print(dt.fromtimestamp(1234567890.123456), dt.fromtimestamp(1e9, timezone(timedelta(hours=5, minutes=30))))
    d = dt(2024, 2, 28, 23, 30)
    print(d, repr(d), d + timedelta(hours=1), d + timedelta(days=1, hours=1), d - timedelta(days=60), repr(d.replace(second=5, microsecond=7)))
    print(dt(2026, 1, 1) - dt(2025, 1, 1), dt(2025, 1, 1) - dt(2026, 1, 1, 12), dt(2026, 12, 7) > dt(2026, 12, 6), sorted([dt(2026, 5, 1), dt(2026, 1, 1)]))
    print(d.isoformat(), d.isoformat(" "), d.isoformat(timespec="minutes"), dt(2026, 1, 2, 3, 4, 5, 60).isoformat(timespec="milliseconds"))
    aware = dt(2026, 12, 7, 17, 13, 52, tzinfo=timezone(timedelta(hours=-5), "EST"))
    print(aware, repr(aware), aware.utcoffset(), aware.tzname(), aware.astimezone(timezone.utc), aware.timestamp())
    print(aware == dt(2026, 12, 7, 22, 13, 52, tzinfo=timezone.utc), aware - dt(2026, 12, 7, 17, 13, 52, tzinfo=timezone.utc))
    print(timezone.utc, repr(timezone.utc), timezone(timedelta(hours=9)), repr(timezone(timedelta(minutes=-90), "X")))
    print(dt.fromisoformat("2026-12-07T17:13:52"), dt.fromisoformat("2026-12-07 17:13:52.5+09:00"), dt.fromisoformat("2026-12-07"), repr(dt.fromisoformat("2026-12-07T17:13:52Z")))
    day = date(2024, 2, 29)
    print(day, repr(day), day + timedelta(days=1), day - date(2024, 1, 1), day.replace(year=2028), day.strftime("%d/%m/%Y %A"), day.isoformat(), day.ctime())
    print(day.weekday(), day.toordinal(), date.fromordinal(738945), date.fromisoformat("2026-12-07"), date.fromtimestamp(0), day.timetuple())
    print(date(2026, 12, 7) < date(2026, 12, 8), date.min, date.max, dt.min, dt.max, datetime.MINYEAR, datetime.MAXYEAR)
    print(f"{day}", f"{day:%B %d}", f"{d}", f"{d:%H:%M}", "%s" % d, [d], {day: 1})
    print(isinstance(d, dt), isinstance(d, date), isinstance(day, dt), type(d).__name__, type(day).__name__)


asyncio.run(main())
