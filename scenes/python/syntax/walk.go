package syntax

// Walk traverses a syntax tree in depth-first order. It starts by calling
// f(n); n must not be nil. If f returns true, Walk calls itself
// recursively for each non-nil child of n. Walk then calls f(nil).
// Children are visited in source order, except that a comprehension's Body
// is visited after its clauses (the order in which it is evaluated).
func Walk(n Node, f func(Node) bool) {
	if n == nil {
		panic("nil")
	}
	if !f(n) {
		return
	}

	walkExpr := func(x Expr) {
		if x != nil {
			Walk(x, f)
		}
	}
	walkStmts := func(list []Stmt) {
		for _, s := range list {
			Walk(s, f)
		}
	}
	walkExprs := func(list []Expr) {
		for _, x := range list {
			Walk(x, f)
		}
	}
	walkIdent := func(id *Ident) {
		if id != nil {
			Walk(id, f)
		}
	}
	walkParams := func(params []*Param) {
		for _, p := range params {
			Walk(p, f)
		}
	}

	switch n := n.(type) {
	case *File:
		walkStmts(n.Stmts)
	case *ExprStmt:
		walkExpr(n.X)
	case *AssignStmt:
		walkExprs(n.Targets)
		walkExpr(n.Value)
	case *AugAssignStmt:
		walkExpr(n.Target)
		walkExpr(n.Value)
	case *AnnAssignStmt:
		walkIdent(n.Target)
		walkExpr(n.Annotation)
		walkExpr(n.Value)
	case *DefStmt:
		for _, d := range n.Decorators {
			Walk(d, f)
		}
		walkIdent(n.Name)
		walkParams(n.Params)
		walkExpr(n.Returns)
		walkStmts(n.Body)
	case *ClassStmt:
		for _, d := range n.Decorators {
			Walk(d, f)
		}
		walkIdent(n.Name)
		walkExprs(n.Bases)
		walkStmts(n.Body)
	case *Decorator:
		walkExpr(n.X)
	case *Param:
		walkIdent(n.Name)
		walkExpr(n.Annotation)
		walkExpr(n.Default)
	case *IfStmt:
		walkExpr(n.Cond)
		walkStmts(n.True)
		walkStmts(n.False)
	case *WhileStmt:
		walkExpr(n.Cond)
		walkStmts(n.Body)
		walkStmts(n.Else)
	case *ForStmt:
		walkExpr(n.Vars)
		walkExpr(n.X)
		walkStmts(n.Body)
		walkStmts(n.Else)
	case *TryStmt:
		walkStmts(n.Body)
		for _, h := range n.Handlers {
			Walk(h, f)
		}
		walkStmts(n.Else)
		walkStmts(n.Finally)
	case *ExceptClause:
		walkExpr(n.Type)
		walkIdent(n.Name)
		walkStmts(n.Body)
	case *WithStmt:
		for _, it := range n.Items {
			Walk(it, f)
		}
		walkStmts(n.Body)
	case *WithItem:
		walkExpr(n.X)
		walkExpr(n.Target)
	case *RaiseStmt:
		walkExpr(n.X)
		walkExpr(n.Cause)
	case *ReturnStmt:
		walkExpr(n.Result)
	case *GlobalStmt:
		for _, id := range n.Names {
			Walk(id, f)
		}
	case *NonlocalStmt:
		for _, id := range n.Names {
			Walk(id, f)
		}
	case *DelStmt:
		walkExprs(n.Targets)
	case *AssertStmt:
		walkExpr(n.Cond)
		walkExpr(n.Msg)
	case *ImportStmt:
		for _, in := range n.Names {
			Walk(in, f)
		}
	case *FromImportStmt:
		for _, id := range n.Module {
			Walk(id, f)
		}
		for _, in := range n.Names {
			Walk(in, f)
		}
	case *ImportName:
		for _, id := range n.Path {
			Walk(id, f)
		}
		walkIdent(n.AsName)
	case *PassStmt, *BreakStmt, *ContinueStmt, *Ident, *Literal:
		// no children
	case *FString:
		for _, part := range n.Parts {
			if part.Field != nil {
				Walk(part.Field.X, f)
				if part.Field.Spec != nil {
					Walk(part.Field.Spec, f)
				}
			}
		}
	case *CallExpr:
		walkExpr(n.Fn)
		walkExprs(n.Args)
	case *KeywordArg:
		walkIdent(n.Name)
		walkExpr(n.Value)
	case *StarredExpr:
		walkExpr(n.X)
	case *DotExpr:
		walkExpr(n.X)
		walkIdent(n.Name)
	case *IndexExpr:
		walkExpr(n.X)
		walkExpr(n.Y)
	case *SliceExpr:
		walkExpr(n.X)
		walkExpr(n.Lo)
		walkExpr(n.Hi)
		walkExpr(n.Step)
	case *CondExpr:
		walkExpr(n.True)
		walkExpr(n.Cond)
		walkExpr(n.False)
	case *BinaryExpr:
		walkExpr(n.X)
		walkExpr(n.Y)
	case *BoolOpExpr:
		walkExpr(n.X)
		walkExpr(n.Y)
	case *UnaryExpr:
		walkExpr(n.X)
	case *CompareExpr:
		walkExpr(n.X)
		walkExprs(n.Ys)
	case *ParenExpr:
		walkExpr(n.X)
	case *TupleExpr:
		walkExprs(n.List)
	case *ListExpr:
		walkExprs(n.List)
	case *DictExpr:
		walkExprs(n.List)
	case *DictEntry:
		walkExpr(n.Key)
		walkExpr(n.Value)
	case *SetExpr:
		walkExprs(n.List)
	case *Comprehension:
		for _, c := range n.Clauses {
			Walk(c, f)
		}
		walkExpr(n.Body)
	case *ForClause:
		walkExpr(n.Vars)
		walkExpr(n.X)
	case *IfClause:
		walkExpr(n.Cond)
	case *LambdaExpr:
		walkParams(n.Params)
		walkExpr(n.Body)
	case *AwaitExpr:
		walkExpr(n.X)
	case *YieldExpr:
		walkExpr(n.Value)
	case *NamedExpr:
		Walk(n.Target, f)
		walkExpr(n.Value)
	default:
		if !walkMatch(n, f) {
			panic(n)
		}
	}
	f(nil)
}
