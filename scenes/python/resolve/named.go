package resolve

import "loopscope/scenes/python/syntax"

// namedExpr resolves the assignment expression x := v. Its target binds in
// the block it appears in, except in a comprehension: there it binds in the
// nearest enclosing function (or the module), and the comprehensions in
// between reach it as a free variable (or a global), as PEP 572 says.
func (r *resolver) namedExpr(b *block, x *syntax.NamedExpr) {
	r.expr(b, x.Value)
	id := x.Target
	name := id.Name
	if r.compIter > 0 {
		r.errorf(x.Pos(), "assignment expression cannot be used in a comprehension iterable expression")
		return
	}
	target := b
	for target.kind == compBlock {
		if _, ok := target.bound[name]; ok {
			r.errorf(x.Pos(), "assignment expression cannot rebind comprehension iteration variable '%s'", name)
			return
		}
		target = target.parent
	}
	if target == b {
		r.bind(b, id)
		return
	}
	if target.kind == classBlock {
		r.errorf(x.Pos(), "assignment expression within a comprehension cannot be used in a class body")
		return
	}
	// Bind in the enclosing function or module first, then declare the name
	// in each comprehension on the way, as CPython's symbol table does.
	r.bind(target, id)
	global := target.kind == moduleBlock || target.globals[name] != nil
	for c := b; c != target; c = c.parent {
		if global {
			if c.globals[name] == nil {
				c.globals[name] = id
			}
		} else if c.nonlocals[name] == nil {
			c.nonlocals[name] = id
			c.nonlocalPos[name] = x.Pos()
		}
	}
	r.bind(b, id)
}
