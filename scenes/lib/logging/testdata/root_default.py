# Without basicConfig: a named logger's warning goes to the last resort
# (the message alone); the module-level functions configure the root
# logger first (WARNING:root:...).
import asyncio
import logging

log = logging.getLogger("app")
log.info("dropped: the root is at WARNING")
log.warning("last resort: %s", "message only")
log.error("still the last resort")
logging.warning("module-level: configures the root")
log.warning("now through the root's handler")
logging.debug("dropped")
logging.error("error %d of %d", 1, 2)
logging.critical("critical")
logging.log(logging.ERROR, "log(%s)", "ERROR")
logging.basicConfig(level=logging.DEBUG, format="ignored: the root has a handler")
logging.debug("still dropped: the second basicConfig did nothing")
print("stdout between records")


async def main():
    try:
        await asyncio.sleep(0.5)
        raise ValueError("bad value")
    except ValueError:
        logging.exception("caught at %.1f", asyncio.get_running_loop().time())
    logging.error("with exc_info", exc_info=True)
    print(repr(logging.getLogger()), repr(log), logging.getLevelName(15), logging.getLevelName("WARNING"))


asyncio.run(main())
