# Fan out work to many tasks, fan the results back in as they complete.
import asyncio


async def score(doc, length):
    await asyncio.sleep(length / 10)
    return doc, length * 3 % 11


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    docs = {"intro": 4, "methods": 9, "results": 6, "summary": 2}
    tasks = [asyncio.create_task(score(d, n)) for d, n in docs.items()]
    ranking = []
    for fut in asyncio.as_completed(tasks):
        doc, s = await fut
        ranking.append((s, doc))
        print(f"{loop.time() - t0:.1f} scored {doc}: {s}")
    ranking.sort(reverse=True)
    print("best document:", ranking[0][1])


asyncio.run(main())
