#!/usr/bin/env python3
"""programs: write CPython's output beside each real program in a folder.

Usage:
    python3 tools/vclock/programs.py [DIR] [NAME.py ...]   # default DIR: scenes/testdata/programs

For every NAME.py (or only those named) this runs `vclock.py --golden NAME.py`
under the interpreter the program needs -- Debian's /usr/bin/python3 (which has
FastAPI 0.92 and httpx) for programs that import fastapi, python3 (CPython
3.11) for the rest -- and writes:

    NAME.out   the golden form of stdout (vclock.py's docstring says what it is)
    NAME.err   stderr exactly as CPython wrote it

Both with the program's folder written as `$DIR`, so that tracebacks and
`__file__` (absolute paths since Python 3.9) compare on any machine. The wall
clock is fixed with VCLOCK_WALL_CLOCK (vclock.py reads it) to WALL_CLOCK below,
the same start the Go test gives the engine, and the time zone to UTC.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VCLOCK = os.path.join(HERE, "vclock.py")
# 2026-12-07 17:13:52 UTC, the minute of the asyncio docs' own sample output.
WALL_CLOCK = "1796663632"


def interpreter(source):
    if b"fastapi" in source:
        return "/usr/bin/python3"
    return "python3"


def reference(path, source):
    """The program CPython runs for path: itself, or the one its second line
    names as `# reference: OTHER.py (why)` -- for a program CPython's
    libraries here cannot run as written (FastAPI 0.92 predates Annotated),
    the same program written the way they can."""
    lines = source.split(b"\n", 2)
    if len(lines) > 1 and lines[1].startswith(b"# reference: "):
        other = lines[1][len(b"# reference: "):].split()[0].decode()
        return os.path.join(os.path.dirname(path), other)
    return path


def run(path):
    with open(path, "rb") as f:
        source = f.read()
    folder = os.path.dirname(os.path.abspath(path))
    ref = reference(path, source)
    if ref != path:
        with open(ref, "rb") as f:
            source = f.read()
    env = dict(os.environ, VCLOCK_WALL_CLOCK=WALL_CLOCK, TZ="UTC", PYTHONHASHSEED="0")
    try:
        p = subprocess.run([interpreter(source), VCLOCK, "--golden", os.path.abspath(ref)],
                           cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=90)
        out, err, status = p.stdout, p.stderr, p.returncode
    except subprocess.TimeoutExpired:
        # The harness itself cannot run it (a process pool, say): say so in
        # the stored output; the Go test then expects a refusal.
        out, err, status = b"=harness-timeout\n", b"", -1
    base = path[:-3]
    for ext, data in ((".out", out), (".err", err)):
        text = data.decode("utf-8", "backslashreplace").replace(folder, "$DIR")
        with open(base + ext, "w", encoding="utf-8") as f:
            f.write(text)
    return status


def main(argv):
    folder = os.path.join(ROOT, "scenes", "testdata", "programs")
    if argv and os.path.isdir(argv[0]):
        folder, argv = argv[0], argv[1:]
    names = argv or sorted(n for n in os.listdir(folder) if n.endswith(".py"))
    for name in names:
        path = name if os.path.sep in name else os.path.join(folder, name)
        status = run(path)
        print("%-50s exit %d" % (os.path.basename(path), status))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
