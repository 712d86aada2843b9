package py

import "loopscope/scenes/python/syntax"

// The match statement (PEP 634), compiled in the manner of CPython 3.11:
// each case tests a copy of the subject; a pattern consumes the value on
// top of the stack and, when it fails, jumps to a label that pops what it
// left on the stack and goes on with the next case. Captures go to hidden
// local slots first and reach their names only once the whole pattern has
// matched (before the guard), so a case that fails binds nothing, as in
// CPython.

// matchStores tracks the captures of one case: a hidden slot per name
// (shared by the cases of a function) and the names in order.
type matchStores struct {
	slots map[string]int
	names []*syntax.Ident
}

// matchCapture stores the value on top of the stack for capture name.
func (c *fcomp) matchCapture(id *syntax.Ident) {
	ms := c.match
	slot, ok := ms.slots[id.Name]
	if !ok {
		slot = len(c.code.Locals)
		c.code.Locals = append(c.code.Locals, ".match."+id.Name)
		ms.slots[id.Name] = slot
	}
	for _, n := range ms.names {
		if n.Name == id.Name {
			c.emit(STORE_FAST, slot)
			return
		}
	}
	ms.names = append(ms.names, id)
	c.emit(STORE_FAST, slot)
}

// patFail holds the failure labels of one case (or one alternative of an
// or pattern): fail(n) pops n values, then gives up.
type patFail struct {
	labels []*label
}

func (pf *patFail) at(c *fcomp, n int) *label {
	for len(pf.labels) <= n {
		pf.labels = append(pf.labels, c.newLabel())
	}
	return pf.labels[n]
}

// bindAll places the failure labels: the deepest first, each popping one
// value and falling into the next.
func (pf *patFail) bindAll(c *fcomp) {
	for n := len(pf.labels) - 1; n >= 0; n-- {
		c.bind(pf.labels[n])
		if n > 0 {
			c.emit(POP, 0)
		}
	}
}

func (c *fcomp) matchStmt(s *syntax.MatchStmt) {
	end := c.newLabel()
	c.expr(s.Subject)
	saved := c.match
	defer func() { c.match = saved }()
	slots := map[string]int{}
	if saved != nil {
		slots = saved.slots
	}
	for i, cs := range s.Cases {
		last := i == len(s.Cases)-1
		c.setSpan(cs.Pattern)
		if !last {
			c.emit(DUP, 0)
		}
		pf := &patFail{}
		c.match = &matchStores{slots: slots}
		c.pattern(cs.Pattern, pf, 1)
		for _, id := range c.match.names {
			c.emit(LOAD_FAST, c.match.slots[id.Name])
			c.store(id)
		}
		if cs.Guard != nil {
			c.cond(cs.Guard, pf.at(c, 0))
		}
		if !last {
			c.emit(POP, 0)
		}
		c.stmts(cs.Body)
		c.jump(JUMP, end)
		pf.bindAll(c)
	}
	c.bind(end)
}

// pattern matches the value on top of the stack against p, consuming it;
// n counts the values above the case's base, that value included.
func (c *fcomp) pattern(p syntax.Pattern, pf *patFail, n int) {
	c.setSpan(p)
	switch p := p.(type) {
	case *syntax.MatchCapture:
		if p.Name.Name == "_" {
			c.emit(POP, 0)
		} else {
			c.matchCapture(p.Name)
		}
	case *syntax.MatchValue:
		c.expr(p.Value)
		c.setSpan(p)
		if lit, ok := p.Value.(*syntax.Literal); ok && (lit.Token == syntax.NONE || lit.Token == syntax.TRUE || lit.Token == syntax.FALSE) {
			c.emit(IS, 0)
		} else {
			c.emit(COMPARE, int(OpEQ))
		}
		c.jump(POP_JUMP_IF_FALSE, pf.at(c, n-1))
	case *syntax.MatchSequence:
		star := -1
		for i, q := range p.Patterns {
			if _, ok := q.(*syntax.MatchStar); ok {
				star = i
			}
		}
		size := len(p.Patterns)
		arg := size << 1
		if star >= 0 {
			arg = (size-1)<<1 | 1
		}
		c.emit(MATCH_SEQ, arg)
		c.jump(POP_JUMP_IF_FALSE, pf.at(c, n))
		if star >= 0 {
			c.emit(UNPACK_EX, star|(size-star-1)<<8)
		} else {
			c.emit(UNPACK_SEQUENCE, size)
		}
		for i, q := range p.Patterns {
			if st, ok := q.(*syntax.MatchStar); ok {
				c.pattern(&syntax.MatchCapture{Name: st.Name}, pf, n-1+size-i)
				continue
			}
			c.pattern(q, pf, n-1+size-i)
		}
	case *syntax.MatchMapping:
		k := len(p.Keys)
		c.emit(MATCH_MAP, k)
		c.jump(POP_JUMP_IF_FALSE, pf.at(c, n))
		if k == 0 && p.Rest == nil {
			c.emit(POP, 0)
			return
		}
		for _, key := range p.Keys {
			c.expr(key)
		}
		c.setSpan(p)
		c.emit(BUILD_TUPLE, k)
		if k > 0 {
			c.emit(MATCH_KEYS, 0)
			c.emit(DUP, 0)
			c.emit(NONE, 0)
			c.emit(IS, 0)
			c.jump(POP_JUMP_IF_TRUE, pf.at(c, n+2))
			c.emit(UNPACK_SEQUENCE, k)
			for i, q := range p.Patterns {
				c.pattern(q, pf, n+1+k-i)
			}
		}
		if p.Rest != nil {
			c.setSpan(p)
			c.emit(MATCH_REST, 0)
			c.matchCapture(p.Rest)
		} else {
			c.emit(POP, 0)
			c.emit(POP, 0)
		}
	case *syntax.MatchClass:
		c.expr(p.Cls)
		names := make(Tuple, len(p.KwdNames))
		for i, id := range p.KwdNames {
			names[i] = Str(id.Name)
		}
		c.loadConst(names)
		c.setSpan(p)
		c.emit(MATCH_CLASS, len(p.Patterns))
		c.emit(DUP, 0)
		c.emit(NONE, 0)
		c.emit(IS, 0)
		c.jump(POP_JUMP_IF_TRUE, pf.at(c, n))
		total := len(p.Patterns) + len(p.KwdPatterns)
		c.emit(UNPACK_SEQUENCE, total)
		all := append(append([]syntax.Pattern(nil), p.Patterns...), p.KwdPatterns...)
		for i, q := range all {
			c.pattern(q, pf, n-1+total-i)
		}
	case *syntax.MatchAs:
		c.emit(DUP, 0)
		c.pattern(p.Pattern, pf, n+1)
		c.matchCapture(p.Name)
	case *syntax.MatchOr:
		success := c.newLabel()
		for i, alt := range p.Patterns {
			if i == len(p.Patterns)-1 {
				c.pattern(alt, pf, n)
				break
			}
			c.setSpan(alt)
			c.emit(DUP, 0)
			altFail := &patFail{}
			c.pattern(alt, altFail, 1)
			c.emit(POP, 0)
			c.jump(JUMP, success)
			altFail.bindAll(c)
		}
		c.bind(success)
	default:
		c.errorf(p.Pos(), "internal error: unexpected pattern %T", p)
	}
}

// ---- run time ----

// matchSequence is MATCH_SEQ: whether x is a sequence a pattern of size
// items (at least size, with a star) can match. Strings and bytes are not.
func matchSequence(t *Thread, x Value, size int, star bool) (bool, error) {
	var n int
	switch v := x.(type) {
	case *List:
		n = len(v.Elems)
	case Tuple:
		n = len(v)
	case *Range:
		l, err := Len(t, v)
		if err != nil {
			return false, err
		}
		n = l
	default:
		return false, nil
	}
	if star {
		return n >= size, nil
	}
	return n == size, nil
}

// matchMapping is MATCH_MAP: whether x is a mapping with at least n keys.
func matchMapping(x Value, n int) bool {
	d, ok := x.(*Dict)
	return ok && d.Len() >= n
}

// matchKeys is MATCH_KEYS: the values of keys in the mapping subj, or
// None if one is missing.
func matchKeys(t *Thread, subj Value, keys Tuple) (Value, error) {
	d := subj.(*Dict)
	seen := NewDict()
	vals := make(Tuple, len(keys))
	for i, k := range keys {
		if _, dup, err := seen.Get(t, k); err != nil {
			return nil, err
		} else if dup {
			r, err := Repr(t, k)
			if err != nil {
				return nil, err
			}
			return nil, Errorf(ValueErrorType, "mapping pattern checks duplicate key (%s)", r)
		}
		if err := seen.SetItem(t, k, None); err != nil {
			return nil, err
		}
		v, ok, err := d.Get(t, k)
		if err != nil {
			return nil, err
		}
		if !ok {
			return None, nil
		}
		vals[i] = v
	}
	return vals, nil
}

// matchRest is MATCH_REST: a new dict of the items of subj whose keys are
// not in keys (the **rest of a mapping pattern).
func matchRest(t *Thread, subj Value, keys Tuple) (Value, error) {
	d := subj.(*Dict)
	rest := NewDict()
	for _, it := range d.Items() {
		if err := rest.SetItem(t, it[0], it[1]); err != nil {
			return nil, err
		}
	}
	for _, k := range keys {
		if _, _, err := rest.Delete(t, k); err != nil {
			return nil, err
		}
	}
	return rest, nil
}

// matchSelfTypes are the builtin classes whose single positional
// sub-pattern matches the subject itself: int(x), str(s).
var matchSelfTypes = map[*Type]bool{}

func init() {
	for _, ty := range []*Type{BoolType, BytesType, DictType, FloatType, IntType, ListType, SetType, StrType, TupleType} {
		matchSelfTypes[ty] = true
	}
}

// matchClass is MATCH_CLASS: the attributes a class pattern Cls(p1..pn,
// name=q, ...) matches its sub-patterns against, or None if subj is not an
// instance of cls or lacks one of them.
func matchClass(t *Thread, subj, cls Value, npos int, names Tuple) (Value, error) {
	ty, ok := cls.(*Type)
	if !ok {
		return nil, Errorf(TypeErrorType, "called match pattern must be a class")
	}
	if is, err := isInstance(subj, ty); err != nil || !is {
		if err != nil {
			return nil, err
		}
		return None, nil
	}
	attrs := make(Tuple, 0, npos+len(names))
	seen := map[string]bool{}
	get := func(name string) (Value, bool, error) {
		if seen[name] {
			return nil, false, Errorf(TypeErrorType, "%s() got multiple sub-patterns for attribute '%s'", ty.Name, name)
		}
		seen[name] = true
		v, err := getAttrOrNil(t, subj, name)
		if err != nil || v == nil {
			return nil, false, err
		}
		return v, true, nil
	}
	if npos > 0 {
		ma, err := getAttrOrNil(t, ty, "__match_args__")
		if err != nil {
			return nil, err
		}
		switch {
		case ma == nil && matchSelfTypes[ty]:
			if npos > 1 {
				return nil, Errorf(TypeErrorType, "%s() accepts 1 positional sub-pattern (%d given)", ty.Name, npos)
			}
			attrs = append(attrs, subj)
		case ma == nil:
			return nil, Errorf(TypeErrorType, "%s() accepts 0 positional sub-patterns (%d given)", ty.Name, npos)
		default:
			tup, ok := ma.(Tuple)
			if !ok {
				return nil, Errorf(TypeErrorType, "%s.__match_args__ must be a tuple (got %s)", ty.Name, typeName(ma))
			}
			if npos > len(tup) {
				return nil, Errorf(TypeErrorType, "%s() accepts %d positional sub-pattern%s (%d given)", ty.Name, len(tup), plural(len(tup)), npos)
			}
			for _, x := range tup[:npos] {
				name, ok := x.(Str)
				if !ok {
					return nil, Errorf(TypeErrorType, "__match_args__ elements must be strings (got %s)", typeName(x))
				}
				v, found, err := get(string(name))
				if err != nil || !found {
					if err != nil {
						return nil, err
					}
					return None, nil
				}
				attrs = append(attrs, v)
			}
		}
	}
	for _, x := range names {
		v, found, err := get(string(x.(Str)))
		if err != nil || !found {
			if err != nil {
				return nil, err
			}
			return None, nil
		}
		attrs = append(attrs, v)
	}
	return attrs, nil
}
