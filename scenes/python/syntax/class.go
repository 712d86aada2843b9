package syntax

// ClassStmt is a class definition: [decorators] class Name[(Bases)]: Body.
type ClassStmt struct {
	Decorators []*Decorator // in source order (outermost first)
	Class      Position     // position of 'class'
	Name       *Ident
	Lparen     Position // zero when the class has no parentheses
	// Bases holds the arguments between the parentheses, as a call's:
	// base class expressions, *StarredExpr and *KeywordArg (metaclass=...).
	Bases  []Expr
	Rparen Position
	Body   []Stmt

	// Function is set by the resolver to the *resolve.Function of the
	// class body.
	Function interface{}
}

func (*ClassStmt) stmt() {}

// Pos returns the position of the first decorator, or of 'class'.
func (s *ClassStmt) Pos() Position {
	if len(s.Decorators) > 0 {
		return s.Decorators[0].At
	}
	return s.Class
}

// End returns the end of the body.
func (s *ClassStmt) End() Position { return stmtsEnd(s.Body, s.Name.End()) }

// parseClass parses a class statement, the current token being 'class'.
func (p *parser) parseClass(decs []*Decorator) Stmt {
	s := &ClassStmt{Decorators: decs}
	s.Class = p.expect(CLASS)
	line := s.Class.Line
	s.Name = p.ident()
	if p.tok.kind == LPAREN {
		call := p.parseCall(s.Name).(*CallExpr)
		s.Lparen, s.Bases, s.Rparen = call.Lparen, call.Args, call.Rparen
		for _, b := range s.Bases {
			if c, ok := b.(*Comprehension); ok {
				p.errorf(c.Clauses[0].(*ForClause).For, "invalid syntax")
			}
		}
	}
	s.Body = p.parseBlock("class definition", line)
	return s
}
