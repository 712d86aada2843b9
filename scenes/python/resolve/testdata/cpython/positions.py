# Prints, for each file named on the command line, the start and end
# (line:column, columns in characters, 1-based) of every Name, Attribute,
# Call, Constant, JoinedStr, comprehension, BinOp, Compare, Await,
# Subscript and Lambda node, and of every statement ("Stmt"), of CPython's
# ast, one per line, sorted:
# "NAME<TAB>KIND [id] L:C-L:C". Used by TestPositionsMatchCPython.
import ast, sys, os
kinds = {ast.Name: "Name", ast.Attribute: "Attribute", ast.Call: "Call", ast.Constant: "Constant", ast.JoinedStr: "JoinedStr",
         ast.ListComp: "Comp", ast.SetComp: "Comp", ast.DictComp: "Comp", ast.GeneratorExp: "Comp", ast.BinOp: "BinOp",
         ast.Compare: "Compare", ast.Await: "Await", ast.Subscript: "Subscript", ast.Lambda: "Lambda"}
for fn in sys.argv[1:]:
    name = os.path.basename(fn)
    src = open(fn).read()
    try:
        tree = ast.parse(src)
    except SyntaxError:
        print(f"{name}\tERR"); continue
    lines = src.split("\n")
    def col(l, c):  # utf-8 byte offset -> rune column
        return len(lines[l-1].encode()[:c].decode(errors="replace")) + 1
    out = []
    # constants inside JoinedStr are not comparable (3.11 gives them the whole string's position)
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for v in node.values:
                if isinstance(v, ast.Constant): skip.add(id(v))
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            skip.add(id(node.format_spec))
            for v in node.format_spec.values:
                if isinstance(v, ast.Constant): skip.add(id(v))
    for node in ast.walk(tree):
        k = kinds.get(type(node))
        if isinstance(node, ast.stmt):
            k = "Stmt"
        if not k or id(node) in skip: continue
        if k == "Constant" and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            pass
        s = f"{k}"
        if k == "Name": s += " " + node.id
        s += f" {node.lineno}:{col(node.lineno, node.col_offset)}-{node.end_lineno}:{col(node.end_lineno, node.end_col_offset)}"
        out.append(s)
    out.sort()
    for s in out: print(f"{name}\t{s}")
