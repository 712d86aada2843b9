# Counter tallies what gathered tasks returned; defaultdict groups them.
import asyncio
from collections import Counter, defaultdict


async def check(url, delay):
    await asyncio.sleep(delay)
    status = 200 if len(url) % 3 else 404
    if url.endswith("slow"):
        status = 504
    return url, status


async def main():
    urls = ["/", "/a", "/about", "/blog", "/shop", "/cart", "/slow", "/api/slow"]
    results = await asyncio.gather(*(check(u, 0.1 * i) for i, u in enumerate(urls)))
    tally = Counter(status for _, status in results)
    print(tally)
    print(tally.most_common(1), tally[500], len(tally), tally.total())
    by_status = defaultdict(list)
    for url, status in results:
        by_status[status].append(url)
    print(by_status)
    print(dict(by_status), sorted(by_status), by_status.default_factory)
    words = Counter("the cat and the hat and the bat".split())
    words.update(["cat", "cat"])
    words.subtract({"the": 1})
    print(words, words.most_common(2))
    print(sorted(words.elements())[:4], Counter(), Counter(a=2, b=0))
    counts = defaultdict(int)
    for ch in "mississippi":
        counts[ch] += 1
    print(counts, isinstance(counts, dict), type(counts).__name__)
    morning, evening = Counter(ok=5, error=2, timeout=1), Counter(ok=3, error=4)
    print(morning + evening, morning - evening, morning | evening, morning & evening)
    try:
        defaultdict(None)["missing"]
    except KeyError as e:
        print("KeyError:", e)


asyncio.run(main())
