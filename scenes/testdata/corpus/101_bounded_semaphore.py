# A BoundedSemaphore refuses to be released more often than acquired.
import asyncio


async def main():
    plain = asyncio.Semaphore(1)
    plain.release()
    plain.release()
    print("a plain Semaphore can be over-released; now it admits", 3, "at once:",
          not plain.locked())

    pool = asyncio.BoundedSemaphore(2)
    await pool.acquire()
    print("acquired one; locked:", pool.locked())
    await pool.acquire()
    print("acquired two; locked:", pool.locked())
    pool.release()
    pool.release()
    try:
        pool.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
