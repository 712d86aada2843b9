# except* handles the parts of an exception group that match, one clause
# after another; what no clause handles, and what the clauses raise, is
# raised again at the end, keeping the group's nesting. A TaskGroup's
# failures arrive as such a group.
import asyncio


def attempt(title, f):
    try:
        f()
    except BaseException as e:
        print(title, "->", repr(e))
    else:
        print(title, "-> nothing left")


def all_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("  values", repr(e))
    except* (TypeError, KeyError) as e:
        print("  others", repr(e))


def rest_reraised():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  values only")


def naked():
    try:
        raise ValueError("alone")
    except* ValueError as e:
        print("  wrapped", repr(e), "message:", repr(e.message))


def raised_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")


def bare_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise


def nested():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("  values", repr(e))


def catch_group():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


def base_group():
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(2)])
    except* KeyboardInterrupt:
        print("  interrupt handled")


def with_else_finally():
    try:
        pass
    except* ValueError:
        pass
    else:
        print("  else ran")
    finally:
        print("  finally ran")


def loop_inside():
    for i in range(3):
        try:
            raise ExceptionGroup("g", [ValueError(i)])
        except* ValueError as e:
            for x in e.exceptions:
                if x.args[0] == 1:
                    break
                print("  loop", x)
    try:
        e
    except UnboundLocalError as err:
        print("  afterwards:", err)


def two_raised():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k1")
    except* TypeError:
        raise KeyError("k2")


for f in [all_handled, rest_reraised, naked, raised_in_handler, bare_raise, nested,
          catch_group, base_group, with_else_finally, loop_inside, two_raised]:
    attempt(f.__name__, f)


async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1, ValueError("a")))
            tg.create_task(fail(0.1, TypeError("b")))
            tg.create_task(fail(0.3, ValueError("c")))
    except* ValueError as e:
        print(f"{loop.time() - t0:.1f} values", [str(x) for x in e.exceptions])
    except* TypeError as e:
        print(f"{loop.time() - t0:.1f} types", [str(x) for x in e.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.2, KeyError("left")))
            tg.create_task(fail(0.2, OSError("right")))
    except* KeyError:
        print(f"{loop.time() - t0:.1f} key handled, the OSError goes on")
        await asyncio.sleep(0.1)
        raise RuntimeError("cleanup failed")


asyncio.run(main())
