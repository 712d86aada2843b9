#!/usr/bin/env python3
"""coverage: which corpus scenes use each construct of LANGUAGE.md.

    python3 tools/vclock/coverage.py [DIR]    # DIR defaults to scenes/testdata/corpus

Prints a Markdown table (construct -> scenes) and exits 1 if a construct in
the list has no scene. The patterns are plain regular expressions over the
scene source (comments stripped), so they show use, not behaviour.
"""

import os
import re
import sys

# (construct, regex). Excludes LANGUAGE.md's FastAPI and virtual-network
# sections, which a later issue brings.
CONSTRUCTS = [
    # statements
    ("import asyncio / time / concurrent.futures", r"^import (asyncio|time|concurrent\.futures)"),
    ("from M import a, b", r"^from (asyncio|time|concurrent\.futures) import \w+, \w+"),
    ("async def", r"\basync def\b"),
    ("default and keyword arguments", r"def \w+\([^)]*=\s*"),
    ("*args in def", r"def \w+\([^)]*\*\w+"),
    ("*args in a call", r"\w\(\*\w"),
    ("lambda", r"\blambda\b"),
    ("nested function / closure", r"^\s+(async )?def "),
    ("nonlocal", r"\bnonlocal\b"),
    ("global", r"\bglobal\b"),
    ("if/elif/else", r"^\s*elif\b"),
    ("while", r"^\s*while\b"),
    ("for ... else", r"^\s*else:\s*$"),
    ("break", r"^\s*break\b"),
    ("continue", r"^\s*continue\b"),
    ("pass", r"^\s*pass\b"),
    ("assert", r"^\s*assert\b"),
    ("tuple unpacking", r"^\s*\w+, \w+.* = "),
    ("augmented assignment", r"\w (\+|-|\*|//|%|\*\*)= "),
    ("del of a name", r"^\s*del \w+\s*$"),
    ("try/except/else/finally", r"^\s*else:"),
    ("except E as e", r"except [\w.]+ as \w+"),
    ("raise E(...) from e", r"raise \w+\(.*\) from \w+"),
    ("bare raise", r"^\s*raise\s*$"),
    ("with (executor)", r"^\s*with .*Executor"),
    ("async with", r"\basync with\b"),
    # expressions
    ("f-string !r", r"!r"),
    ("f-string :.2f", r":\.2f}"),
    ("f-string :>N", r":>\d+}"),
    ("f-string :<N", r":<\d+}"),
    ("f-string :^N", r":\^\d+}"),
    ("f-string :05d", r":05d}"),
    ("f-string :,", r":,}"),
    ("f-string :.1%", r":\.1%}"),
    ("list comprehension", r"\[[^\]]+ for \w+"),
    ("dict comprehension", r"\{[^}]+: [^}]+ for "),
    ("set literal", r"= \{\d"),
    ("slicing", r"\[-?\d*:-?\d*(:-?\d+)?\]"),
    ("conditional expression", r" if .+ else "),
    ("is / is not", r" is (not )?None"),
    ("in / not in", r" not in "),
    ("print sep=", r"sep="),
    ("print end=", r"end="),
    ("big int 2**100", r"2 \*\* 100"),
    ("float repr 0.1 + 0.2", r"0\.1 \+ 0\.2"),
    ("negative // and %", r"-7 (//|%)"),
    ("type(x).__name__", r"type\(\w+\)\.__name__"),
    ("isinstance", r"\bisinstance\("),
    ("builtins len range str repr", r"\brepr\("),
    ("int() float() bool() conversions", r"\bfloat\(\"|\bint\(\""),
    ("sum/min/max/abs/round", r"\bround\(.*\babs\(|\babs\("),
    ("sorted with key=", r"sorted\(.*key="),
    ("reversed / enumerate / zip", r"\bzip\("),
    ("dict methods", r"\.setdefault\(|\.items\(\)"),
    ("str methods", r"\.split\(|\.join\(|\.strip\("),
    # exceptions
    ("ValueError", r"\bValueError\b"),
    ("RuntimeError", r"\bRuntimeError\b"),
    ("KeyError", r"\bKeyError\b"),
    ("ZeroDivisionError", r"\bZeroDivisionError\b"),
    ("TimeoutError", r"(?<!\.)\bTimeoutError\b"),
    ("asyncio.CancelledError", r"asyncio\.CancelledError"),
    ("asyncio.TimeoutError", r"asyncio\.TimeoutError"),
    ("asyncio.InvalidStateError", r"asyncio\.InvalidStateError"),
    ("asyncio.QueueEmpty", r"asyncio\.QueueEmpty"),
    ("asyncio.QueueFull", r"asyncio\.QueueFull"),
    # asyncio
    ("asyncio.run", r"asyncio\.run\("),
    ("asyncio.sleep(d, result)", r"asyncio\.sleep\([^)]*result="),
    ("asyncio.sleep(0)", r"asyncio\.sleep\(0\)"),
    ("asyncio.create_task(name=)", r"create_task\(.*name="),
    ("asyncio.gather", r"asyncio\.gather\("),
    ("gather return_exceptions=True", r"return_exceptions=True"),
    ("asyncio.wait", r"asyncio\.wait\("),
    ("wait FIRST_COMPLETED", r"asyncio\.FIRST_COMPLETED"),
    ("wait FIRST_EXCEPTION", r"asyncio\.FIRST_EXCEPTION"),
    ("wait ALL_COMPLETED (default)", r"asyncio\.wait\(\w+\)"),
    ("wait timeout=", r"asyncio\.wait\(.*timeout="),
    ("asyncio.wait_for", r"asyncio\.wait_for\("),
    ("asyncio.as_completed", r"asyncio\.as_completed\("),
    ("asyncio.shield", r"asyncio\.shield\("),
    ("asyncio.timeout", r"asyncio\.timeout\("),
    ("asyncio.TaskGroup", r"asyncio\.TaskGroup\("),
    ("asyncio.current_task", r"asyncio\.current_task\("),
    ("asyncio.get_running_loop", r"asyncio\.get_running_loop\("),
    ("asyncio.get_event_loop", r"asyncio\.get_event_loop\("),
    ("asyncio.to_thread", r"asyncio\.to_thread\("),
    ("asyncio.iscoroutine", r"asyncio\.iscoroutine\("),
    ("loop.time", r"loop\.time\("),
    ("loop.create_future", r"\.create_future\("),
    ("loop.call_soon", r"\.call_soon\("),
    ("loop.call_later", r"\.call_later\("),
    ("loop.call_at", r"\.call_at\("),
    ("loop.run_in_executor(None)", r"run_in_executor\(None"),
    ("loop.run_in_executor(executor)", r"run_in_executor\((?!None)"),
    ("handle.cancel", r"(h\d|handle|\]|pending\[0\])\.cancel\(\)"),
    ("Future.set_result", r"\.set_result\b"),
    ("Future.set_exception", r"\.set_exception\b"),
    ("Future.result", r"\.result\(\)"),
    ("Future.exception", r"\.exception\(\)"),
    ("Future.done", r"\.done\(\)"),
    ("Future.cancelled", r"\.cancelled\(\)"),
    ("Future.cancel", r"fut\.cancel\(\)"),
    ("add_done_callback", r"\.add_done_callback\("),
    ("remove_done_callback", r"\.remove_done_callback\("),
    ("Task.get_name", r"\.get_name\(\)"),
    ("Task.set_name", r"\.set_name\("),
    ("Task.cancel(msg)", r"\.cancel\(\""),
    ("asyncio.Queue(maxsize)", r"asyncio\.Queue\(maxsize="),
    ("Queue put/get", r"await \w+\.put\(|await \w+\.get\("),
    ("Queue put_nowait/get_nowait", r"\.put_nowait\(|\.get_nowait\("),
    ("Queue task_done/join", r"\.task_done\(\)"),
    ("Queue qsize/empty/full", r"\.qsize\(\).*|\.full\(\)"),
    ("asyncio.Event", r"asyncio\.Event\("),
    ("asyncio.Lock", r"asyncio\.Lock\("),
    ("asyncio.Semaphore", r"asyncio\.Semaphore\("),
    ("asyncio.BoundedSemaphore", r"asyncio\.BoundedSemaphore\("),
    ("asyncio.Condition", r"asyncio\.Condition\("),
    # threads and blocking
    ("time.sleep", r"time\.sleep\("),
    ("time.time", r"time\.time\("),
    ("time.monotonic", r"time\.monotonic\("),
    ("time.perf_counter", r"time\.perf_counter\("),
    ("ThreadPoolExecutor(max_workers=N)", r"ThreadPoolExecutor\(max_workers="),
    ("executor.submit", r"\.submit\("),
    ("executor.map", r"\.map\("),
    ("executor.shutdown(wait=True)", r"\.shutdown\(wait=True\)"),
    ("concurrent Future.result(timeout)", r"\.result\(timeout="),
    ("concurrent.futures.as_completed", r"concurrent\.futures\.as_completed\("),
    ("concurrent.futures.wait", r"concurrent\.futures\.wait\("),
    ("concurrent Future.cancel", r"(queued|running)\.cancel\(\)"),
    # endings
    ("uncaught exception (=error)", None),
    ("sync-only scene (no asyncio)", None),
]


def strip_comments(src):
    return "\n".join(line for line in src.splitlines() if not line.lstrip().startswith("#"))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    directory = argv[0] if argv else os.path.join(here, "..", "..", "scenes", "testdata", "corpus")
    names = sorted(n for n in os.listdir(directory) if n.endswith(".py"))
    sources, outs = {}, {}
    for n in names:
        with open(os.path.join(directory, n), encoding="utf-8") as f:
            sources[n] = strip_comments(f.read())
        out = os.path.join(directory, n[:-3] + ".out")
        outs[n] = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    missing = 0
    print("| construct | scenes |")
    print("|---|---|")
    for label, pattern in CONSTRUCTS:
        if label.startswith("uncaught"):
            hits = [n for n in names if "\n=error " in "\n" + outs[n]]
        elif label.startswith("sync-only"):
            hits = [n for n in names if "import asyncio" not in sources[n]]
        else:
            rx = re.compile(pattern, re.M)
            hits = [n for n in names if rx.search(sources[n])]
        if not hits:
            missing += 1
        shown = ", ".join(h.split("_")[0] for h in hits[:12]) + (" ..." if len(hits) > 12 else "")
        print("| %s | %s |" % (label, shown or "**none**"))
    print()
    print("%d scenes, %d constructs, %d without a scene" % (len(names), len(CONSTRUCTS), missing))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
