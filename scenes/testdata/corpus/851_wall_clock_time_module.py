# time's calendar functions read the wall clock: the start of the run plus
# the virtual time elapsed, in the local time zone.
import asyncio
import time


async def tick(name, delay):
    await asyncio.sleep(delay)
    print(name, time.strftime("%H:%M:%S"), time.ctime())


async def main():
    t0 = time.time()
    ns0 = time.time_ns()
    now = time.localtime()
    print(now)
    print(now.tm_year, now.tm_mon, now.tm_mday, now.tm_hour, now.tm_min, now.tm_sec)
    print(now[0], now[-1], now[6:8], len(now), list(now)[:3])
    print(now.tm_wday, now.tm_yday, now.tm_isdst, now.tm_zone, now.tm_gmtoff)
    print(time.strftime("%Y-%m-%d %H:%M:%S %Z %z"))
    print(time.strftime("%a %A %b %B %c | %x | %X | %p %I %j %U %W %%"))
    print(time.strftime("%d/%m/%y %-d %e %k %l %G-W%V-%u"))
    print(time.asctime(), "|", time.ctime(0), "|", time.ctime(86400 * 365.25))
    await asyncio.gather(tick("a", 1.5), tick("b", 61), tick("c", 3600 * 7))
    print(round(time.time() - t0, 3), (time.time_ns() - ns0) // 10**9)
    print(time.gmtime(0))
    print(time.gmtime(1e9), time.gmtime(-1.5)[:6])
    print(time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(1234567890)))
    print(time.strftime("%A %d %B %Y", (2024, 2, 29, 12, 0, 0, 3, 60, 0)))
    print(time.asctime((1999, 12, 31, 23, 59, 59, 4, 365, 0)))
    print(time.mktime(time.localtime(1700000000)), time.mktime((2026, 12, 7, 17, 13, 52, 0, 341, -1)))
    print(time.localtime() == tuple(time.localtime()), time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
    st = time.struct_time((2026, 1, 2, 3, 4, 5, 4, 2, 0))
    print(st, st.tm_zone)
    for bad in [(2026, 13, 1, 0, 0, 0, 0, 1, 0), (2026, 1, 32, 0, 0, 0, 0, 1, 0), (2026, 1, 1, 24, 0, 0, 0, 1, 0), (1, 2, 3)]:
        try:
            time.strftime("%Y", bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
