# Prints, for each file named on the command line, the SyntaxError that
# CPython's compiler raises ("NAME<TAB>LINE:COL: MSG"), or "NAME<TAB>OK".
import os
import sys

for fn in sorted(sys.argv[1:]):
    src = open(fn).read()
    try:
        compile(src, os.path.basename(fn), "exec")
        print(os.path.basename(fn) + "\tOK")
    except SyntaxError as e:
        print(f"{os.path.basename(fn)}\t{e.lineno}:{e.offset}: {e.msg}")
