# math: the functions scenes reach for, with CPython's results and errors.
import asyncio
import math


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


async def main():
    print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
    show("sqrt", math.sqrt, 2)
    show("sqrt-", math.sqrt, -1)
    show("floor", math.floor, -2.5)
    show("ceil", math.ceil, 2.1)
    show("trunc", math.trunc, -7.9)
    show("floor big", math.floor, 1e30)
    show("floor inf", math.floor, math.inf)
    show("floor nan", math.floor, math.nan)
    show("log", math.log, 100)
    show("log10", math.log10, 1000)
    show("log base", math.log, 8, 2)
    show("log 0", math.log, 0)
    show("log big", math.log, 10 ** 400)
    show("log2", math.log2, 1024)
    show("exp", math.exp, 1)
    show("exp big", math.exp, 1000)
    show("pow", math.pow, 2, 10)
    show("pow neg", math.pow, -8, 1 / 3)
    show("factorial", math.factorial, 20)
    show("factorial 30", math.factorial, 30)
    show("factorial neg", math.factorial, -1)
    show("factorial float", math.factorial, 3.0)
    show("gcd", math.gcd, 12, 18, 27)
    show("lcm", math.lcm, 4, 6, 10)
    show("comb", math.comb, 10, 3)
    show("perm", math.perm, 5, 2)
    show("isqrt", math.isqrt, 99)
    show("hypot", math.hypot, 3, 4)
    show("dist", math.dist, (0, 0), (3, 4))
    show("isclose", math.isclose, 0.1 + 0.2, 0.3)
    show("isclose abs", lambda: math.isclose(1e-12, 0, abs_tol=1e-9))
    show("fsum", math.fsum, [0.1] * 10)
    show("sum", sum, [0.1] * 10)
    show("prod", math.prod, [1, 2, 3, 4])
    show("prod start", lambda: math.prod([0.5, 4], start=3))
    show("sin", math.sin, math.pi / 6)
    show("cos", math.cos, 0)
    show("atan2", math.atan2, 1, 1)
    show("degrees", math.degrees, math.pi)
    show("radians", math.radians, 180)
    show("fmod", math.fmod, -7, 3)
    show("modf", math.modf, 3.25)
    show("copysign", math.copysign, 3, -0.0)
    show("isfinite", math.isfinite, 1e308 * 10)
    show("isnan", math.isnan, math.nan)
    show("sqrt str", math.sqrt, "4")
    await asyncio.sleep(0.5)
    print("elapsed", round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
