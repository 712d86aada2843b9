# basicConfig with a level, a format and a date format; a handler with its
# own formatter on a child logger that does not propagate; force=True
# replaces the root's handler.
import asyncio
import logging
import sys

logging.basicConfig(level="INFO", format="%(asctime)s|%(levelname)s|%(name)s|%(threadName)s|%(message)s", datefmt="%H:%M:%S")
db = logging.getLogger("app.db")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(levelname)-7s] %(name)s: %(message)s (%(funcName)s)"))
handler.setLevel(logging.WARNING)
db.addHandler(handler)


def worker(n):
    logging.info("worker %d in a thread", n)
    db.warning("db warning from worker %d", n)
    return n


async def main():
    logging.info("start")
    await asyncio.sleep(1.5)
    db.info("db info: root handler only")
    db.warning("db warning: both handlers")
    db.propagate = False
    db.warning("db warning: own handler only")
    db.info("db info: dropped by the handler's level")
    print(await asyncio.gather(asyncio.to_thread(worker, 1), asyncio.to_thread(worker, 2)))
    logging.getLogger("app").info("extra: %(user)s", {"user": "ana"})
    logging.info("user=%s", "bo", extra={"user": "bo"})
    logging.basicConfig(force=True, format="%(relativeCreated)d ms %(levelname)s %(message)s", level=logging.DEBUG)
    await asyncio.sleep(0.25)
    logging.debug("after force")
    print(logging.getLogger().getEffectiveLevel(), db.hasHandlers(), db.getChild("x").name, db.parent.name)


asyncio.run(main())
