package mistakes

import (
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// scan reads the syntax tree once: every call, the create_task calls
// whose task is dropped, and the pairs of awaits that could be
// independent.
func (d *finder) scan() {
	// What names mean: asyncio's functions imported by name, variables
	// holding an event loop, the scene's own coroutine functions.
	fromAsyncio := map[*resolve.Binding]string{}
	loops := map[*resolve.Binding]bool{}
	coros := map[*resolve.Binding]bool{}
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
						fromAsyncio[b] = in.Path[0].Name
					}
				}
			}
		case *syntax.AssignStmt:
			if c, ok := n.Value.(*syntax.CallExpr); ok && len(n.Targets) == 1 {
				switch asyncioFunc(c.Fn, fromAsyncio) {
				case "get_running_loop", "get_event_loop", "new_event_loop":
					if b := binding(n.Targets[0]); b != nil {
						loops[b] = true
					}
				}
			}
		case *syntax.DefStmt:
			if fn, _ := n.Function.(*resolve.Function); n.Async && fn != nil && !fn.Generator {
				if b := binding(n.Name); b != nil {
					coros[b] = true
				}
			}
		}
		return true
	})

	var defs []*syntax.DefStmt // the functions around the node being walked
	var stack []syntax.Node
	syntax.Walk(d.f, func(n syntax.Node) bool {
		if n == nil {
			if top := stack[len(stack)-1]; top == syntax.Node(lastDef(defs)) {
				defs = defs[:len(defs)-1]
			}
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *syntax.CallExpr:
			d.calls = append(d.calls, n)
		case *syntax.ExprStmt:
			if c, ok := n.X.(*syntax.CallExpr); ok {
				switch name := asyncioFunc(c.Fn, fromAsyncio); {
				case name == "create_task" || name == "ensure_future":
					d.dropped = append(d.dropped, c)
				case name == "" && calleeName(c) == "create_task":
					if dot, ok := c.Fn.(*syntax.DotExpr); ok && loops[binding(dot.X)] {
						d.dropped = append(d.dropped, c)
					}
				}
			}
		case *syntax.DefStmt:
			defs = append(defs, n)
		}
		if def := lastDef(defs); def != nil && def.Async {
			for _, list := range stmtLists(n) {
				d.pairsIn(list, func(c *syntax.CallExpr) bool {
					return coros[binding(c.Fn)] || asyncioFunc(c.Fn, fromAsyncio) == "to_thread"
				})
			}
		}
		return true
	})
}

func lastDef(defs []*syntax.DefStmt) *syntax.DefStmt {
	if len(defs) == 0 {
		return nil
	}
	return defs[len(defs)-1]
}

// asyncioFunc returns NAME when fn is asyncio.NAME (asyncio imported as a
// module, under any name) or a name imported from asyncio, else "".
func asyncioFunc(fn syntax.Expr, fromAsyncio map[*resolve.Binding]string) string {
	switch fn := fn.(type) {
	case *syntax.DotExpr:
		if b := binding(fn.X); b != nil && b.Module == "asyncio" {
			return fn.Name.Name
		}
	case *syntax.Ident:
		return fromAsyncio[binding(fn)]
	}
	return ""
}

// stmtLists returns the blocks of statements directly in n.
func stmtLists(n syntax.Node) [][]syntax.Stmt {
	switch n := n.(type) {
	case *syntax.DefStmt:
		return [][]syntax.Stmt{n.Body}
	case *syntax.IfStmt:
		return [][]syntax.Stmt{n.True, n.False}
	case *syntax.WhileStmt:
		return [][]syntax.Stmt{n.Body, n.Else}
	case *syntax.ForStmt:
		return [][]syntax.Stmt{n.Body, n.Else}
	case *syntax.TryStmt:
		return [][]syntax.Stmt{n.Body, n.Else, n.Finally}
	case *syntax.ExceptClause:
		return [][]syntax.Stmt{n.Body}
	case *syntax.WithStmt:
		return [][]syntax.Stmt{n.Body}
	case *syntax.MatchCase:
		return [][]syntax.Stmt{n.Body}
	}
	return nil
}
