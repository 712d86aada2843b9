package py

import (
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// classStmt compiles a class statement as CPython does:
// __build_class__(<body function>, name, *bases, **keywords), decorated
// and stored.
func (c *fcomp) classStmt(s *syntax.ClassStmt) {
	for _, d := range s.Decorators {
		c.expr(d.X)
	}
	fn, _ := s.Function.(*resolve.Function)
	if fn == nil {
		c.errorf(s.Pos(), "internal error: unresolved class")
	}
	c.loadConst(buildClass)
	name := s.Name.Name
	fc := c.pc.newFcomp(fn, name, c.qualPrefix()+name, int(s.Class.Line))
	fc.isClass = true
	fc.setPos(s.Class)
	fc.classBody(s)
	fc.finish()
	flags := 0
	if len(fn.FreeVars) > 0 {
		c.closure(fn)
		flags |= 4
	}
	c.emit(MAKE_FUNCTION, c.constIndex(fc.code)<<4|flags)
	c.loadConst(Str(name))
	var kwNames Tuple
	for _, b := range s.Bases {
		switch b := b.(type) {
		case *syntax.StarredExpr:
			c.errorf(b.Pos(), "unpacking in the bases of a class is not supported in scenes")
		case *syntax.KeywordArg:
			c.expr(b.Value)
			kwNames = append(kwNames, Str(b.Name.Name))
		default:
			c.expr(b)
		}
	}
	c.setSpan(s)
	if len(kwNames) > 0 {
		c.emit(CONST, c.constIndex(kwNames))
		c.emit(CALL_KW, len(s.Bases)+2)
	} else {
		c.emit(CALL, len(s.Bases)+2)
	}
	for range s.Decorators {
		c.emit(CALL, 1)
	}
	c.store(s.Name)
}

// classBody compiles the body of a class: __module__, __qualname__,
// __doc__ and __annotations__ first, as CPython sets them; the body
// returns its __class__ cell (or None) to __build_class__.
func (c *fcomp) classBody(s *syntax.ClassStmt) {
	c.loadConst(Str("__main__"))
	c.emit(STORE_NAME, c.nameIndex("__module__"))
	c.loadConst(Str(c.code.QualName))
	c.emit(STORE_NAME, c.nameIndex("__qualname__"))
	body := s.Body
	if len(body) > 0 {
		if es, ok := body[0].(*syntax.ExprStmt); ok {
			if lit, ok := es.X.(*syntax.Literal); ok && lit.Token == syntax.STRING {
				c.setSpan(es)
				c.expr(lit)
				c.emit(STORE_NAME, c.nameIndex("__doc__"))
				body = body[1:]
			}
		}
	}
	for _, st := range body {
		if _, ok := st.(*syntax.AnnAssignStmt); ok {
			c.emit(BUILD_MAP, 0)
			c.emit(STORE_NAME, c.nameIndex("__annotations__"))
			break
		}
	}
	c.stmts(body)
	if cell := c.fn.ClassCell; cell != nil {
		c.emit(LOAD_CLOSURE, c.cellIndex(cell))
	} else {
		c.emit(NONE, 0)
	}
	c.emit(RETURN_VALUE, 0)
}

// classAnnotation records x: T in a class body's __annotations__.
func (c *fcomp) classAnnotation(s *syntax.AnnAssignStmt) {
	c.expr(s.Annotation)
	c.emit(LOAD_NAME, c.nameIndex("__annotations__"))
	c.loadConst(Str(s.Target.Name))
	c.emit(STORE_SUBSCR, 0)
}

// closure emits the tuple of cells that a nested function or class body
// captures.
func (c *fcomp) closure(fn *resolve.Function) {
	for _, b := range fn.FreeVars {
		switch b.Scope {
		case resolve.Cell:
			c.emit(LOAD_CLOSURE, c.cellIndex(b))
		case resolve.Free:
			c.emit(LOAD_CLOSURE, len(c.code.Cells)-c.code.NumFree+b.Index)
		default:
			c.errorf(fn.Pos, "internal error: free variable %s has scope %v", b.Name, b.Scope)
		}
	}
	c.emit(BUILD_TUPLE, len(fn.FreeVars))
}

// superCall compiles super() with no arguments in a method as
// super(__class__, <first parameter>), which is what CPython's super()
// reads from the frame; it reports whether x was such a call.
func (c *fcomp) superCall(x *syntax.CallExpr) bool {
	id, ok := x.Fn.(*syntax.Ident)
	if !ok || id.Name != "super" || len(x.Args) > 0 || c.fn == nil || c.fn.ClassRef == nil {
		return false
	}
	if b := binding(id); b == nil || b.Scope != resolve.Universal {
		return false
	}
	if c.fn.NumParams == 0 || c.code.VarArgs && c.code.NumPos == 0 || c.fn.Kind == resolve.ComprehensionFunc {
		return false // super() raises "no arguments"
	}
	if ref := binding(c.fn.ClassRef); ref == nil || ref.Scope != resolve.Free {
		c.loadConst(superNoClass)
		c.setSpan(x)
		c.emit(CALL, 0)
		return true
	}
	c.expr(x.Fn)
	c.load(c.fn.ClassRef)
	first := c.fn.Locals[0]
	c.load(&syntax.Ident{NamePos: x.Lparen, Name: first.Name, Binding: first})
	c.setSpan(x)
	c.emit(CALL, 2)
	return true
}

// superNoClass is what super() calls in a function that no class encloses.
var superNoClass = NewBuiltin("super", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return nil, Errorf(RuntimeErrorType, "super(): __class__ cell not found")
})
