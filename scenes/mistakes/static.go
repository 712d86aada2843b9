package mistakes

import (
	"strings"

	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// scan reads the syntax tree: the create_task calls whose task is
// dropped, and the pairs of awaits that could be independent.
func (d *finder) scan(src []byte) {
	// What names mean: asyncio's functions imported by name (their name),
	// variables holding an event loop ("loop"), the scene's own coroutine
	// functions ("async def").
	means := map[*resolve.Binding]string{}
	var stmts []syntax.Stmt // expression statements and assignments, in source order
	syntax.Walk(d.f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FromImportStmt:
			if len(n.Module) == 1 && n.Module[0].Name == "asyncio" {
				for _, in := range n.Names {
					id := in.AsName
					if id == nil {
						id = in.Path[0]
					}
					if b := binding(id); b != nil {
						means[b] = in.Path[0].Name
					}
				}
			}
		case *syntax.DefStmt:
			if fn, _ := n.Function.(*resolve.Function); n.Async && fn != nil && !fn.Generator {
				if b := binding(n.Name); b != nil {
					means[b] = "async def"
				}
			}
		case *syntax.ExprStmt, *syntax.AnnAssignStmt:
			stmts = append(stmts, n.(syntax.Stmt))
		case *syntax.AssignStmt:
			stmts = append(stmts, n)
			if c, ok := n.Value.(*syntax.CallExpr); ok && len(n.Targets) == 1 {
				switch asyncioFunc(c.Fn, means) {
				case "get_running_loop", "get_event_loop", "new_event_loop":
					if b := binding(n.Targets[0]); b != nil {
						means[b] = "loop"
					}
				}
			}
		}
		return true
	})
	lines := strings.Split(string(src), "\n")
	var prev syntax.Stmt // the last statement that awaits a call rule 1 allows
	for _, s := range stmts {
		if x, ok := s.(*syntax.ExprStmt); ok {
			if c, ok := x.X.(*syntax.CallExpr); ok {
				switch name := asyncioFunc(c.Fn, means); {
				case name == "create_task" || name == "ensure_future":
					d.dropped = append(d.dropped, c)
				case name == "" && calleeName(c) == "create_task":
					if dot, ok := c.Fn.(*syntax.DotExpr); ok && means[binding(dot.X)] == "loop" {
						d.dropped = append(d.dropped, c)
					}
				}
			}
		}
		// An await is legal only in an async def: these are in one.
		if _, c, _ := awaitedCall(s); c == nil || means[binding(c.Fn)] != "async def" && asyncioFunc(c.Fn, means) != "to_thread" {
			prev = nil
			continue
		}
		if prev != nil && next(lines, prev, s) {
			d.pairIf(prev, s)
		}
		prev = s
	}
}

// next reports whether statement b comes right after a in the same
// block: at a's column, with only blanks, comments and a ';' between.
func next(lines []string, a, b syntax.Stmt) bool {
	from, to := a.End(), b.Pos()
	if from.Line != to.Line && a.Pos().Col != to.Col || int(to.Line) > len(lines) {
		return false
	}
	for l := from.Line; l <= to.Line; l++ {
		text := []rune(lines[l-1])
		if l == to.Line {
			text = text[:min(len(text), int(to.Col)-1)]
		}
		if l == from.Line {
			text = text[min(len(text), int(from.Col)-1):]
		}
		s := strings.TrimLeft(string(text), " \t;")
		if s != "" && s[0] != '#' {
			return false
		}
	}
	return true
}

// asyncioFunc returns NAME when fn is asyncio.NAME (asyncio imported as a
// module, under any name) or a name imported from asyncio, else "".
func asyncioFunc(fn syntax.Expr, means map[*resolve.Binding]string) string {
	switch fn := fn.(type) {
	case *syntax.DotExpr:
		if b := binding(fn.X); b != nil && b.Module == "asyncio" {
			return fn.Name.Name
		}
	case *syntax.Ident:
		if m := means[binding(fn)]; m != "loop" && m != "async def" {
			return m
		}
	}
	return ""
}
