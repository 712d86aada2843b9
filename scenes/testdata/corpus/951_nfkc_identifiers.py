# Identifiers are NFKC-normalised, as CPython does (PEP 3131): the
# ligature "ﬁ", fullwidth letters and a mathematical letter name the
# same variables as their plain spellings.
import asyncio

ﬁle = 1
print(file)
ｃｏｕｎｔ = 2
print(count + 1)
𝐱 = 4
print(x)


async def ｗｏｒｋ(n):
    await asyncio.sleep(0.1)
    return n * ﬁle


async def main():
    print(await work(5), await ｗｏｒｋ(6))
    d = dict(ﬂag=True)
    print(d)


asyncio.run(main())
