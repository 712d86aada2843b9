# logging with a format: %(asctime)s reads the wall clock (with its
# milliseconds), %(threadName)s and %(funcName)s name where the record was
# made; records below the level are dropped. stream=sys.stdout so that the
# records are part of the compared output.
import asyncio
import logging
import sys
import time

logging.basicConfig(
    level=logging.INFO,
    stream=sys.stdout,
    format="%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(funcName)s:%(lineno)d %(message)s",
)
log = logging.getLogger("pipeline")


def blocking(n):
    time.sleep(0.125 * n)
    log.info("blocking step %d finished in a worker", n)
    return n * 10


async def fetch(i):
    log.debug("fetch %d starting (not shown: DEBUG)", i)
    await asyncio.sleep(0.3 + i * 0.0105)
    log.info("fetched item %s", i)
    return i


async def main():
    log.info("started")
    results = await asyncio.gather(*(fetch(i) for i in range(3)))
    value = await asyncio.to_thread(blocking, 2)
    log.warning("results=%r value=%d", results, value)
    logging.getLogger("pipeline.db").error("nested logger %(what)s", {"what": "propagates"})
    log.setLevel(logging.WARNING)
    log.info("not shown: the logger is at WARNING now")
    log.critical("done, %d%% ok", 100)
    print(log.level, log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), logging.getLogger().level)


asyncio.run(main())
logging.info("root, from module level, after the loop")
