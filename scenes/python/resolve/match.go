package resolve

import (
	"fmt"

	"loopscope/scenes/python/syntax"
)

// matchStmt resolves a match statement: the subject, each case's pattern
// (its captures bind names in the block), guard and body, with the errors
// CPython's compiler raises for patterns.
func (r *resolver) matchStmt(b *block, s *syntax.MatchStmt) {
	r.loneStar(s.Subject)
	r.expr(b, s.Subject)
	for i, c := range s.Cases {
		irrefutableOK := c.Guard != nil || i == len(s.Cases)-1
		r.pattern(b, c.Pattern, irrefutableOK, map[string]bool{})
		if c.Guard != nil {
			r.expr(b, c.Guard)
		}
		r.stmts(b, c.Body)
	}
}

// pattern resolves one pattern; bound collects the names the enclosing
// pattern binds so far.
func (r *resolver) pattern(b *block, p syntax.Pattern, irrefutableOK bool, bound map[string]bool) {
	capture := func(id *syntax.Ident) {
		if id == nil || id.Name == "_" {
			return
		}
		if bound[id.Name] {
			r.codegenErrorf(id.Pos(), "multiple assignments to name '%s' in pattern", id.Name)
			return
		}
		bound[id.Name] = true
		r.bind(b, id)
	}
	switch p := p.(type) {
	case *syntax.MatchValue:
		r.expr(b, p.Value)
	case *syntax.MatchCapture:
		if !irrefutableOK {
			if p.Name.Name == "_" {
				r.codegenErrorf(p.Pos(), "wildcard makes remaining patterns unreachable")
			} else {
				r.codegenErrorf(p.Pos(), "name capture '%s' makes remaining patterns unreachable", p.Name.Name)
			}
			return
		}
		capture(p.Name)
	case *syntax.MatchStar:
		capture(p.Name)
	case *syntax.MatchSequence:
		stars := 0
		for _, q := range p.Patterns {
			if _, ok := q.(*syntax.MatchStar); ok {
				stars++
			}
		}
		if stars > 1 {
			r.codegenErrorf(p.Pos(), "multiple starred names in sequence pattern")
			return
		}
		for _, q := range p.Patterns {
			r.pattern(b, q, true, bound)
		}
	case *syntax.MatchMapping:
		seen := map[string]bool{}
		for i, k := range p.Keys {
			r.expr(b, k)
			if lit, ok := mappingKeyLiteral(k); ok {
				if seen[lit] {
					r.codegenErrorf(p.Pos(), "mapping pattern checks duplicate key (%s)", lit)
					return
				}
				seen[lit] = true
			}
			r.pattern(b, p.Patterns[i], true, bound)
		}
		capture(p.Rest)
	case *syntax.MatchClass:
		r.expr(b, p.Cls)
		for _, q := range p.Patterns {
			r.pattern(b, q, true, bound)
		}
		names := map[string]bool{}
		for i, k := range p.KwdNames {
			if names[k.Name] {
				r.codegenErrorf(p.KwdPatterns[i].Pos(), "attribute name repeated in class pattern: %s", k.Name)
				return
			}
			names[k.Name] = true
			r.pattern(b, p.KwdPatterns[i], true, bound)
		}
	case *syntax.MatchAs:
		r.pattern(b, p.Pattern, irrefutableOK, bound)
		capture(p.Name)
	case *syntax.MatchOr:
		var first map[string]bool
		for i, q := range p.Patterns {
			alt := map[string]bool{}
			for name := range bound {
				alt[name] = true
			}
			r.pattern(b, q, irrefutableOK && i == len(p.Patterns)-1, alt)
			if first == nil {
				first = alt
			} else if !sameNames(first, alt) {
				r.codegenErrorf(p.Pos(), "alternative patterns bind different names")
				return
			}
		}
		for name := range first {
			bound[name] = true
		}
	}
}

func sameNames(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// mappingKeyLiteral returns the repr CPython uses for a literal key of a
// mapping pattern (to report duplicates), or false for a value key.
func mappingKeyLiteral(k syntax.Expr) (string, bool) {
	lit, ok := k.(*syntax.Literal)
	if !ok {
		return "", false
	}
	switch v := lit.Value.(type) {
	case string:
		if lit.Token == syntax.BYTES {
			return fmt.Sprintf("b%s", pyQuote(v)), true
		}
		return pyQuote(v), true
	case nil:
		return "None", true
	case bool:
		if v {
			return "True", true
		}
		return "False", true
	}
	return lit.Raw, true
}

// pyQuote quotes s as Python's repr does for simple strings.
func pyQuote(s string) string {
	q := "'"
	if containsRune(s, '\'') && !containsRune(s, '"') {
		q = `"`
	}
	return q + s + q
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
