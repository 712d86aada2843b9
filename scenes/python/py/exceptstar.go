package py

import "loopscope/scenes/python/syntax"

// tryExceptStar compiles try/except* as CPython 3.11 does: each clause
// takes the part of the exception group it matches (CHECK_EG_MATCH), runs
// with that part as the exception being handled, and collects what it
// raises; at the end PREP_RERAISE_STAR builds what is left to raise from
// the original group, the exceptions raised and the unhandled rest.
//
// Stack while the clauses run: prev orig list rest (prev: the exception
// handled before; orig: the one caught; list: what the clauses raised;
// rest: what no clause has matched yet, or None).
func (c *fcomp) tryExceptStar(s *syntax.TryStmt) {
	handler, cleanup, end := c.tryBody(s)
	c.bind(handler)
	c.setPos(s.Handlers[0].Except)
	c.emit(PUSH_EXC_INFO, 0) // prev orig
	c.jump(SETUP_CLEANUP, cleanup)
	c.emit(DUP, 0)
	c.emit(BUILD_LIST, 0)
	c.emit(EXCH, 0) // prev orig list rest
	for _, h := range s.Handlers {
		next, raised := c.newLabel(), c.newLabel()
		c.setPos(h.Except)
		c.expr(h.Type)
		c.setPos(h.Except)
		c.jump(CHECK_EG_MATCH, next) // prev orig list rest match
		c.emit(PUSH_EXC_INFO, 0)     // prev orig list rest prev2 match
		if h.Name != nil {
			c.store(h.Name)
		} else {
			c.emit(POP, 0)
		}
		c.jump(SETUP_EXCEPT, raised)
		c.stmts(h.Body)
		c.setPos(h.Except)
		c.emit(POP_BLOCK, 0)
		c.emit(POP_EXCEPT, 0) // prev orig list rest
		c.clearName(h.Name)
		c.jump(JUMP, next)

		c.bind(raised) // prev orig list rest prev2 raised
		c.clearName(h.Name)
		c.emit(LIST_APPEND, 3)
		c.emit(POP_EXCEPT, 0)
		c.bind(next)
	}
	c.setPos(s.Handlers[0].Except)
	c.emit(LIST_APPEND, 1)       // prev orig list
	c.emit(PREP_RERAISE_STAR, 0) // prev result
	nothing := c.newLabel()
	c.emit(DUP, 0)
	c.emit(NONE, 0)
	c.emit(IS, 0)
	c.jump(POP_JUMP_IF_TRUE, nothing)
	c.emit(RERAISE, 0)
	c.bind(nothing)
	c.emit(POP, 0)
	c.emit(POP_BLOCK, 0)
	c.emit(POP_EXCEPT, 0)
	c.jump(JUMP, end)
	c.bind(cleanup)
	c.emit(POP_EXCEPT_RERAISE, 0)
	c.bind(end)
}

// clearName unbinds an except clause's "as" name, as CPython does at the
// end of the clause (name = None; del name).
func (c *fcomp) clearName(name *syntax.Ident) {
	if name == nil {
		return
	}
	c.emit(NONE, 0)
	c.store(name)
	c.del(name)
}
