package syntax

import "unicode/utf8"

// stmtsEnd returns the end of the last statement of a block, or def if the
// block is empty.
func stmtsEnd(list []Stmt, def Position) Position {
	if len(list) > 0 {
		return list[len(list)-1].End()
	}
	return def
}

func (*ExprStmt) stmt()       {}
func (*AssignStmt) stmt()     {}
func (*AugAssignStmt) stmt()  {}
func (*AnnAssignStmt) stmt()  {}
func (*DefStmt) stmt()        {}
func (*IfStmt) stmt()         {}
func (*WhileStmt) stmt()      {}
func (*ForStmt) stmt()        {}
func (*TryStmt) stmt()        {}
func (*WithStmt) stmt()       {}
func (*RaiseStmt) stmt()      {}
func (*ReturnStmt) stmt()     {}
func (*GlobalStmt) stmt()     {}
func (*NonlocalStmt) stmt()   {}
func (*DelStmt) stmt()        {}
func (*AssertStmt) stmt()     {}
func (*ImportStmt) stmt()     {}
func (*FromImportStmt) stmt() {}
func (*PassStmt) stmt()       {}
func (*BreakStmt) stmt()      {}
func (*ContinueStmt) stmt()   {}

func (*Ident) expr()         {}
func (*Literal) expr()       {}
func (*FString) expr()       {}
func (*CallExpr) expr()      {}
func (*KeywordArg) expr()    {}
func (*StarredExpr) expr()   {}
func (*DotExpr) expr()       {}
func (*IndexExpr) expr()     {}
func (*SliceExpr) expr()     {}
func (*CondExpr) expr()      {}
func (*BinaryExpr) expr()    {}
func (*BoolOpExpr) expr()    {}
func (*UnaryExpr) expr()     {}
func (*CompareExpr) expr()   {}
func (*ParenExpr) expr()     {}
func (*TupleExpr) expr()     {}
func (*ListExpr) expr()      {}
func (*DictExpr) expr()      {}
func (*DictEntry) expr()     {}
func (*SetExpr) expr()       {}
func (*Comprehension) expr() {}
func (*LambdaExpr) expr()    {}
func (*AwaitExpr) expr()     {}
func (*YieldExpr) expr()     {}
func (*NamedExpr) expr()     {}

// Pos returns the start of the expression.
func (s *ExprStmt) Pos() Position { return s.X.Pos() }

// End returns the end of the expression.
func (s *ExprStmt) End() Position { return s.X.End() }

// Pos returns the start of the first target.
func (s *AssignStmt) Pos() Position { return s.Targets[0].Pos() }

// End returns the end of the value.
func (s *AssignStmt) End() Position { return s.Value.End() }

// Pos returns the start of the target.
func (s *AugAssignStmt) Pos() Position { return s.Target.Pos() }

// End returns the end of the value.
func (s *AugAssignStmt) End() Position { return s.Value.End() }

// Pos returns the start of the target.
func (s *AnnAssignStmt) Pos() Position { return s.Target.Pos() }

// End returns the end of the value or annotation.
func (s *AnnAssignStmt) End() Position {
	if s.Value != nil {
		return s.Value.End()
	}
	return s.Annotation.End()
}

// Pos returns the position of the first decorator, 'async' or 'def'.
// (CPython's FunctionDef starts at 'async' or 'def', after the decorators;
// its code object's first line is the first decorator's.)
func (s *DefStmt) Pos() Position {
	if len(s.Decorators) > 0 {
		return s.Decorators[0].At
	}
	if s.Async {
		return s.AsyncPos
	}
	return s.Def
}

// End returns the end of the body.
func (s *DefStmt) End() Position { return stmtsEnd(s.Body, s.Rparen.add(1)) }

// Pos returns the position of 'if'.
func (s *IfStmt) Pos() Position { return s.If }

// End returns the end of the last branch.
func (s *IfStmt) End() Position {
	if len(s.False) > 0 {
		return stmtsEnd(s.False, s.ElsePos)
	}
	return stmtsEnd(s.True, s.If)
}

// Pos returns the position of 'while'.
func (s *WhileStmt) Pos() Position { return s.While }

// End returns the end of the body or else clause.
func (s *WhileStmt) End() Position {
	if len(s.Else) > 0 {
		return stmtsEnd(s.Else, s.ElsePos)
	}
	return stmtsEnd(s.Body, s.While)
}

// Pos returns the position of 'for' or 'async'.
func (s *ForStmt) Pos() Position {
	if s.Async {
		return s.AsyncPos
	}
	return s.For
}

// End returns the end of the body or else clause.
func (s *ForStmt) End() Position {
	if len(s.Else) > 0 {
		return stmtsEnd(s.Else, s.ElsePos)
	}
	return stmtsEnd(s.Body, s.For)
}

// Pos returns the position of 'try'.
func (s *TryStmt) Pos() Position { return s.Try }

// End returns the end of the last clause.
func (s *TryStmt) End() Position {
	switch {
	case len(s.Finally) > 0:
		return stmtsEnd(s.Finally, s.FinallyPos)
	case len(s.Else) > 0:
		return stmtsEnd(s.Else, s.ElsePos)
	case len(s.Handlers) > 0:
		return s.Handlers[len(s.Handlers)-1].End()
	}
	return stmtsEnd(s.Body, s.Try)
}

// Pos returns the position of 'with' or 'async'.
func (s *WithStmt) Pos() Position {
	if s.Async {
		return s.AsyncPos
	}
	return s.With
}

// End returns the end of the body.
func (s *WithStmt) End() Position { return stmtsEnd(s.Body, s.With) }

// Pos returns the position of 'raise'.
func (s *RaiseStmt) Pos() Position { return s.Raise }

// End returns the end of the statement.
func (s *RaiseStmt) End() Position {
	switch {
	case s.Cause != nil:
		return s.Cause.End()
	case s.X != nil:
		return s.X.End()
	}
	return s.Raise.add(5)
}

// Pos returns the position of 'return'.
func (s *ReturnStmt) Pos() Position { return s.Return }

// End returns the end of the statement.
func (s *ReturnStmt) End() Position {
	if s.Result != nil {
		return s.Result.End()
	}
	return s.Return.add(6)
}

// Pos returns the position of 'global'.
func (s *GlobalStmt) Pos() Position { return s.Global }

// End returns the end of the last name.
func (s *GlobalStmt) End() Position { return s.Names[len(s.Names)-1].End() }

// Pos returns the position of 'nonlocal'.
func (s *NonlocalStmt) Pos() Position { return s.Nonlocal }

// End returns the end of the last name.
func (s *NonlocalStmt) End() Position { return s.Names[len(s.Names)-1].End() }

// Pos returns the position of 'del'.
func (s *DelStmt) Pos() Position { return s.Del }

// End returns the end of the last target.
func (s *DelStmt) End() Position { return s.Targets[len(s.Targets)-1].End() }

// Pos returns the position of 'assert'.
func (s *AssertStmt) Pos() Position { return s.Assert }

// End returns the end of the message or condition.
func (s *AssertStmt) End() Position {
	if s.Msg != nil {
		return s.Msg.End()
	}
	return s.Cond.End()
}

// Pos returns the position of 'import'.
func (s *ImportStmt) Pos() Position { return s.Import }

// End returns the end of the last name.
func (s *ImportStmt) End() Position { return s.Names[len(s.Names)-1].End() }

// Pos returns the position of 'from'.
func (s *FromImportStmt) Pos() Position { return s.From }

// End returns the end of the last name or ')'.
func (s *FromImportStmt) End() Position {
	if s.Rparen.IsValid() {
		return s.Rparen.add(1)
	}
	return s.Names[len(s.Names)-1].End()
}

// Pos returns the position of 'pass'.
func (s *PassStmt) Pos() Position { return s.Pass }

// End returns the position after 'pass'.
func (s *PassStmt) End() Position { return s.Pass.add(4) }

// Pos returns the position of 'break'.
func (s *BreakStmt) Pos() Position { return s.Break }

// End returns the position after 'break'.
func (s *BreakStmt) End() Position { return s.Break.add(5) }

// Pos returns the position of 'continue'.
func (s *ContinueStmt) Pos() Position { return s.Continue }

// End returns the position after 'continue'.
func (s *ContinueStmt) End() Position { return s.Continue.add(8) }

// Pos returns the start of the name.
func (x *Ident) Pos() Position { return x.NamePos }

// End returns the position after the name.
func (x *Ident) End() Position {
	if x.NameEnd.IsValid() {
		return x.NameEnd
	}
	return x.NamePos.add(utf8.RuneCountInString(x.Name))
}

// Pos returns the start of the literal.
func (x *Literal) Pos() Position { return x.TokenPos }

// End returns the end of the literal.
func (x *Literal) End() Position { return x.EndPos }

// Pos returns the start of the f-string.
func (x *FString) Pos() Position { return x.Start }

// End returns the end of the f-string.
func (x *FString) End() Position { return x.EndPos }

// Pos returns the start of the callee.
func (x *CallExpr) Pos() Position { return x.Fn.Pos() }

// End returns the position after ')'.
func (x *CallExpr) End() Position { return x.Rparen.add(1) }

// Pos returns the start of the keyword.
func (x *KeywordArg) Pos() Position { return x.Name.Pos() }

// End returns the end of the value.
func (x *KeywordArg) End() Position { return x.Value.End() }

// Pos returns the position of the star(s).
func (x *StarredExpr) Pos() Position { return x.OpPos }

// End returns the end of the operand.
func (x *StarredExpr) End() Position { return x.X.End() }

// Pos returns the start of the operand.
func (x *DotExpr) Pos() Position { return x.X.Pos() }

// End returns the end of the attribute name.
func (x *DotExpr) End() Position { return x.Name.End() }

// Pos returns the start of the operand.
func (x *IndexExpr) Pos() Position { return x.X.Pos() }

// End returns the position after ']'.
func (x *IndexExpr) End() Position { return x.Rbrack.add(1) }

// Pos returns the start of the operand.
func (x *SliceExpr) Pos() Position { return x.X.Pos() }

// End returns the position after ']'.
func (x *SliceExpr) End() Position { return x.Rbrack.add(1) }

// Pos returns the start of the true branch.
func (x *CondExpr) Pos() Position { return x.True.Pos() }

// End returns the end of the false branch.
func (x *CondExpr) End() Position { return x.False.End() }

// Pos returns the start of the left operand.
func (x *BinaryExpr) Pos() Position { return x.X.Pos() }

// End returns the end of the right operand.
func (x *BinaryExpr) End() Position { return x.Y.End() }

// Pos returns the start of the left operand.
func (x *BoolOpExpr) Pos() Position { return x.X.Pos() }

// End returns the end of the right operand.
func (x *BoolOpExpr) End() Position { return x.Y.End() }

// Pos returns the position of the operator.
func (x *UnaryExpr) Pos() Position { return x.OpPos }

// End returns the end of the operand.
func (x *UnaryExpr) End() Position { return x.X.End() }

// Pos returns the start of the first operand.
func (x *CompareExpr) Pos() Position { return x.X.Pos() }

// End returns the end of the last operand.
func (x *CompareExpr) End() Position { return x.Ys[len(x.Ys)-1].End() }

// Pos returns the position of '('.
func (x *ParenExpr) Pos() Position { return x.Lparen }

// End returns the position after ')'.
func (x *ParenExpr) End() Position { return x.Rparen.add(1) }

// Pos returns the position of '(' or of the first element.
func (x *TupleExpr) Pos() Position {
	if x.Lparen.IsValid() {
		return x.Lparen
	}
	return x.List[0].Pos()
}

// End returns the position after ')' or the end of the last element.
func (x *TupleExpr) End() Position {
	if x.Rparen.IsValid() {
		return x.Rparen.add(1)
	}
	return x.List[len(x.List)-1].End()
}

// Pos returns the position of '['.
func (x *ListExpr) Pos() Position { return x.Lbrack }

// End returns the position after ']'.
func (x *ListExpr) End() Position { return x.Rbrack.add(1) }

// Pos returns the position of '{'.
func (x *DictExpr) Pos() Position { return x.Lbrace }

// End returns the position after '}'.
func (x *DictExpr) End() Position { return x.Rbrace.add(1) }

// Pos returns the start of the key.
func (x *DictEntry) Pos() Position { return x.Key.Pos() }

// End returns the end of the value.
func (x *DictEntry) End() Position { return x.Value.End() }

// Pos returns the position of '{'.
func (x *SetExpr) Pos() Position { return x.Lbrace }

// End returns the position after '}'.
func (x *SetExpr) End() Position { return x.Rbrace.add(1) }

// Pos returns the position of the opening bracket.
func (x *Comprehension) Pos() Position { return x.Lbrack }

// End returns the position after the closing bracket.
func (x *Comprehension) End() Position { return x.Rbrack.add(1) }

// Pos returns the position of 'lambda'.
func (x *LambdaExpr) Pos() Position { return x.Lambda }

// End returns the end of the body.
func (x *LambdaExpr) End() Position { return x.Body.End() }

// Pos returns the position of 'await'.
func (x *AwaitExpr) Pos() Position { return x.Await }

// End returns the end of the operand.
func (x *AwaitExpr) End() Position { return x.X.End() }

// Pos returns the position of 'yield'.
func (x *YieldExpr) Pos() Position { return x.Yield }

// End returns the end of the value.
func (x *YieldExpr) End() Position {
	if x.Value != nil {
		return x.Value.End()
	}
	return x.Yield.add(5)
}

// Pos returns the start of the target.
func (x *NamedExpr) Pos() Position { return x.Target.Pos() }

// End returns the end of the value.
func (x *NamedExpr) End() Position { return x.Value.End() }
