package syntax

// The match statement (PEP 634): its nodes, its parser and its walk.

// MatchStmt is match Subject: followed by its case blocks.
type MatchStmt struct {
	Match   Position
	Subject Expr // may be an unparenthesised *TupleExpr
	Cases   []*MatchCase
}

// MatchCase is case Pattern [if Guard]: Body.
type MatchCase struct {
	Case    Position
	Pattern Pattern
	Guard   Expr // nil without a guard
	Body    []Stmt
}

// Pattern is a pattern of a case clause.
type Pattern interface {
	Node
	pattern()
}

// MatchValue matches a literal (numbers, strings, None, True, False) or the
// value of a dotted name (Color.RED), by equality (by identity for None,
// True and False).
type MatchValue struct {
	Value Expr // *Literal, *UnaryExpr (a negative number), *DotExpr
}

// MatchCapture binds the subject to Name; a Name of "_" is the wildcard,
// which binds nothing.
type MatchCapture struct {
	Name *Ident
}

// MatchSequence matches a sequence of the patterns' length: [p, q], (p, q)
// or p, q. One of them may be a *MatchStar.
type MatchSequence struct {
	Lbrack   Position // '[' or '(' ; the first pattern's position when unbracketed
	Patterns []Pattern
	Rbrack   Position // invalid when unbracketed
}

// MatchStar is *name (or *_) inside a sequence pattern.
type MatchStar struct {
	Star Position
	Name *Ident // Name "_" binds nothing
}

// MatchMapping is {key: pattern, ..., **rest}.
type MatchMapping struct {
	Lbrace   Position
	Keys     []Expr
	Patterns []Pattern
	Rest     *Ident // nil without **rest
	Rbrace   Position
}

// MatchClass is Cls(p, ..., name=p, ...).
type MatchClass struct {
	Cls         Expr // *Ident or *DotExpr
	Patterns    []Pattern
	KwdNames    []*Ident
	KwdPatterns []Pattern
	Rparen      Position
}

// MatchAs is pattern as name.
type MatchAs struct {
	Pattern Pattern
	Name    *Ident
}

// MatchOr is p | q | ...
type MatchOr struct {
	Patterns []Pattern
}

func (*MatchStmt) stmt() {}

func (*MatchValue) pattern()    {}
func (*MatchCapture) pattern()  {}
func (*MatchSequence) pattern() {}
func (*MatchStar) pattern()     {}
func (*MatchMapping) pattern()  {}
func (*MatchClass) pattern()    {}
func (*MatchAs) pattern()       {}
func (*MatchOr) pattern()       {}

// Pos returns the position of 'match'.
func (s *MatchStmt) Pos() Position { return s.Match }

// End returns the end of the last case.
func (s *MatchStmt) End() Position { return s.Cases[len(s.Cases)-1].End() }

// Pos returns the position of 'case'.
func (c *MatchCase) Pos() Position { return c.Case }

// End returns the end of the case's body.
func (c *MatchCase) End() Position { return stmtsEnd(c.Body, c.Case) }

// Pos returns the start of the value.
func (m *MatchValue) Pos() Position { return m.Value.Pos() }

// End returns the end of the value.
func (m *MatchValue) End() Position { return m.Value.End() }

// Pos returns the start of the name.
func (m *MatchCapture) Pos() Position { return m.Name.Pos() }

// End returns the end of the name.
func (m *MatchCapture) End() Position { return m.Name.End() }

// Pos returns the opening bracket (or the first pattern).
func (m *MatchSequence) Pos() Position { return m.Lbrack }

// End returns the end of the sequence.
func (m *MatchSequence) End() Position {
	if m.Rbrack.IsValid() {
		return m.Rbrack.add(1)
	}
	return m.Patterns[len(m.Patterns)-1].End()
}

// Pos returns the position of '*'.
func (m *MatchStar) Pos() Position { return m.Star }

// End returns the end of the name.
func (m *MatchStar) End() Position { return m.Name.End() }

// Pos returns the position of '{'.
func (m *MatchMapping) Pos() Position { return m.Lbrace }

// End returns the position after '}'.
func (m *MatchMapping) End() Position { return m.Rbrace.add(1) }

// Pos returns the start of the class.
func (m *MatchClass) Pos() Position { return m.Cls.Pos() }

// End returns the position after ')'.
func (m *MatchClass) End() Position { return m.Rparen.add(1) }

// Pos returns the start of the pattern.
func (m *MatchAs) Pos() Position { return m.Pattern.Pos() }

// End returns the end of the name.
func (m *MatchAs) End() Position { return m.Name.End() }

// Pos returns the start of the first alternative.
func (m *MatchOr) Pos() Position { return m.Patterns[0].Pos() }

// End returns the end of the last alternative.
func (m *MatchOr) End() Position { return m.Patterns[len(m.Patterns)-1].End() }

// walkMatch walks the match statement's nodes for Walk; it reports false
// for a node that is not one of them.
func walkMatch(n Node, f func(Node) bool) bool {
	walkPatterns := func(list []Pattern) {
		for _, p := range list {
			Walk(p, f)
		}
	}
	switch n := n.(type) {
	case *MatchStmt:
		Walk(n.Subject, f)
		for _, c := range n.Cases {
			Walk(c, f)
		}
	case *MatchCase:
		Walk(n.Pattern, f)
		if n.Guard != nil {
			Walk(n.Guard, f)
		}
		for _, s := range n.Body {
			Walk(s, f)
		}
	case *MatchValue:
		Walk(n.Value, f)
	case *MatchCapture:
		Walk(n.Name, f)
	case *MatchSequence:
		walkPatterns(n.Patterns)
	case *MatchStar:
		Walk(n.Name, f)
	case *MatchMapping:
		for i, k := range n.Keys {
			Walk(k, f)
			Walk(n.Patterns[i], f)
		}
		if n.Rest != nil {
			Walk(n.Rest, f)
		}
	case *MatchClass:
		Walk(n.Cls, f)
		walkPatterns(n.Patterns)
		for i, k := range n.KwdNames {
			Walk(k, f)
			Walk(n.KwdPatterns[i], f)
		}
	case *MatchAs:
		Walk(n.Pattern, f)
		Walk(n.Name, f)
	case *MatchOr:
		walkPatterns(n.Patterns)
	default:
		return false
	}
	return true
}

// ---- parsing ----

// parseMatch parses a match statement; the current token is the soft
// keyword match.
func (p *parser) parseMatch() Stmt {
	s := &MatchStmt{Match: p.tok.pos}
	p.next()
	if p.tok.kind == STAR {
		s.Subject = p.parseTestListStarExpr()
	} else {
		x := p.walrus(p.parseTest())
		if p.tok.kind == COMMA {
			list := []Expr{x}
			for p.tok.kind == COMMA {
				p.next()
				if p.tok.kind == COLON {
					break
				}
				list = append(list, p.parseStarOr(p.parseTest))
			}
			x = &TupleExpr{List: list}
		}
		s.Subject = x
	}
	if p.tok.kind != COLON {
		p.errorf(p.tok.pos, "expected ':'")
	}
	p.next()
	if p.tok.kind != NEWLINE {
		p.syntaxError()
	}
	p.next()
	if p.tok.kind != INDENT {
		p.errorf(p.tok.pos, "expected an indented block after 'match' statement on line %d", s.Match.Line)
	}
	p.next()
	for p.tok.kind == IDENT && p.tok.str == "case" {
		s.Cases = append(s.Cases, p.parseCase())
	}
	if len(s.Cases) == 0 || p.tok.kind != OUTDENT && p.tok.kind != EOF {
		p.syntaxError()
	}
	if p.tok.kind == OUTDENT {
		p.next()
	}
	return s
}

func (p *parser) parseCase() *MatchCase {
	c := &MatchCase{Case: p.tok.pos}
	p.next()
	first := p.parseMaybeStarPattern()
	if p.tok.kind == COMMA {
		seq := &MatchSequence{Lbrack: first.Pos(), Patterns: []Pattern{first}}
		for p.tok.kind == COMMA {
			p.next()
			if p.tok.kind == COLON || p.tok.kind == IF {
				break
			}
			seq.Patterns = append(seq.Patterns, p.parseMaybeStarPattern())
		}
		c.Pattern = seq
	} else {
		if star, ok := first.(*MatchStar); ok {
			p.errorf(star.Star, "invalid syntax")
		}
		c.Pattern = first
	}
	if p.tok.kind == IF {
		p.next()
		c.Guard = p.parseNamedExpr()
	}
	c.Body = p.parseBlock("'case' statement", c.Case.Line)
	return c
}

func (p *parser) parseMaybeStarPattern() Pattern {
	if p.tok.kind == STAR {
		star := p.tok.pos
		p.next()
		return &MatchStar{Star: star, Name: p.ident()}
	}
	return p.parsePattern()
}

// parsePattern parses an as pattern or an or pattern.
func (p *parser) parsePattern() Pattern {
	pat := p.parseOrPattern()
	if p.tok.kind == AS {
		p.next()
		if p.tok.kind != IDENT {
			p.errorf(p.tok.pos, "invalid pattern target")
		}
		name := p.ident()
		if name.Name == "_" {
			p.errorf(name.NamePos, "cannot use '_' as a target")
		}
		pat = &MatchAs{Pattern: pat, Name: name}
	}
	return pat
}

func (p *parser) parseOrPattern() Pattern {
	first := p.parseClosedPattern()
	if p.tok.kind != PIPE {
		return first
	}
	or := &MatchOr{Patterns: []Pattern{first}}
	for p.tok.kind == PIPE {
		p.next()
		or.Patterns = append(or.Patterns, p.parseClosedPattern())
	}
	return or
}

func (p *parser) parseClosedPattern() Pattern {
	switch t := p.tok; t.kind {
	case MINUS, INT, FLOAT, STRING, BYTES, NONE, TRUE, FALSE:
		return &MatchValue{Value: p.parseLiteralPattern()}
	case FSTRING:
		p.errorf(t.pos, "patterns may only match literals and attribute lookups")
	case IDENT:
		if p.peek(1).kind == DOT || p.peek(1).kind == LPAREN {
			name := p.parseDottedName()
			if p.tok.kind == LPAREN {
				return p.parseClassPattern(name)
			}
			return &MatchValue{Value: name}
		}
		return &MatchCapture{Name: p.ident()}
	case LPAREN:
		lparen := t.pos
		p.next()
		if p.tok.kind == RPAREN {
			rparen := p.tok.pos
			p.next()
			return &MatchSequence{Lbrack: lparen, Rbrack: rparen}
		}
		first := p.parseMaybeStarPattern()
		if p.tok.kind != COMMA {
			if star, ok := first.(*MatchStar); ok {
				p.errorf(star.Star, "invalid syntax")
			}
			p.expect(RPAREN)
			return first // a group: (pattern)
		}
		seq := &MatchSequence{Lbrack: lparen, Patterns: []Pattern{first}}
		for p.tok.kind == COMMA {
			p.next()
			if p.tok.kind == RPAREN {
				break
			}
			seq.Patterns = append(seq.Patterns, p.parseMaybeStarPattern())
		}
		seq.Rbrack = p.expect(RPAREN)
		return seq
	case LBRACK:
		seq := &MatchSequence{Lbrack: t.pos}
		p.next()
		for p.tok.kind != RBRACK {
			seq.Patterns = append(seq.Patterns, p.parseMaybeStarPattern())
			if p.tok.kind != COMMA {
				break
			}
			p.next()
		}
		seq.Rbrack = p.expect(RBRACK)
		return seq
	case LBRACE:
		return p.parseMappingPattern()
	}
	p.syntaxError()
	panic("unreachable")
}

// parseLiteralPattern parses a literal of a pattern: a number (maybe
// negative), strings, None, True or False.
func (p *parser) parseLiteralPattern() Expr {
	switch t := p.tok; t.kind {
	case MINUS:
		p.next()
		if p.tok.kind != INT && p.tok.kind != FLOAT {
			p.syntaxError()
		}
		return &UnaryExpr{OpPos: t.pos, Op: MINUS, X: p.parseAtom()}
	case STRING, BYTES:
		x := p.parseStrings()
		if _, ok := x.(*FString); ok {
			p.errorf(x.Pos(), "patterns may only match literals and attribute lookups")
		}
		return x
	case INT, FLOAT, NONE, TRUE, FALSE:
		return p.parseAtom()
	}
	p.syntaxError()
	panic("unreachable")
}

// parseDottedName parses name(.name)* as an *Ident or *DotExpr.
func (p *parser) parseDottedName() Expr {
	var x Expr = p.ident()
	for p.tok.kind == DOT {
		p.next()
		x = &DotExpr{X: x, Name: p.ident()}
	}
	return x
}

func (p *parser) parseClassPattern(cls Expr) Pattern {
	c := &MatchClass{Cls: cls}
	p.expect(LPAREN)
	for p.tok.kind != RPAREN {
		if p.tok.kind == IDENT && p.peek(1).kind == EQ {
			name := p.ident()
			p.next()
			c.KwdNames = append(c.KwdNames, name)
			c.KwdPatterns = append(c.KwdPatterns, p.parsePattern())
		} else {
			pat := p.parsePattern()
			if len(c.KwdNames) > 0 {
				p.errorf(pat.Pos(), "positional patterns follow keyword patterns")
			}
			c.Patterns = append(c.Patterns, pat)
		}
		if p.tok.kind != COMMA {
			break
		}
		p.next()
	}
	c.Rparen = p.expect(RPAREN)
	return c
}

func (p *parser) parseMappingPattern() Pattern {
	m := &MatchMapping{Lbrace: p.tok.pos}
	p.next()
	for p.tok.kind != RBRACE {
		if p.tok.kind == STARSTAR {
			p.next()
			m.Rest = p.ident()
			if p.tok.kind == COMMA {
				p.next()
			}
			break
		}
		var key Expr
		switch p.tok.kind {
		case IDENT:
			if p.peek(1).kind != DOT {
				p.errorf(p.tok.pos, "mapping pattern keys may only match literals and attribute lookups")
			}
			key = p.parseDottedName()
		default:
			key = p.parseLiteralPattern()
		}
		p.expect(COLON)
		m.Keys = append(m.Keys, key)
		m.Patterns = append(m.Patterns, p.parsePattern())
		if p.tok.kind != COMMA {
			break
		}
		p.next()
	}
	m.Rbrace = p.expect(RBRACE)
	return m
}
