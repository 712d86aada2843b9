package py

import (
	"fmt"
	"math/big"

	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// Compile compiles a parsed scene to a Program. It resolves f first if
// resolve.File has not been run on it. Errors are *syntax.Error (or the
// resolver's error list) pointing at the construct.
func Compile(filename string, f *syntax.File) (prog *Program, err error) {
	if f.Module == nil {
		if err := resolve.File(f); err != nil {
			return nil, err
		}
	}
	mod, ok := f.Module.(*resolve.Module)
	if !ok {
		return nil, fmt.Errorf("py: %s was not resolved", filename)
	}
	pc := &pcomp{file: filename, mod: mod}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(*syntax.Error); ok {
				prog, err = nil, e
				return
			}
			prog, err = nil, &syntax.Error{File: filename, Pos: pc.pos, Msg: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	prog = &Program{Filename: filename}
	for _, g := range mod.Globals {
		prog.Globals = append(prog.Globals, g.Name)
		prog.builtins = append(prog.builtins, builtinValues[g.Name])
	}
	c := pc.newFcomp(nil, "<module>", "<module>", 1)
	c.stmts(f.Stmts)
	c.emit(NONE, 0)
	c.emit(RETURN_VALUE, 0)
	prog.Code = c.finish()
	return prog, nil
}

type pcomp struct {
	file string
	mod  *resolve.Module
	pos  syntax.Position
}

type label struct {
	pc   int
	uses []int
}

type blockKind uint8

const (
	blockWhile blockKind = iota
	blockFor
	blockTryBody     // try body of try/except: POP_BLOCK
	blockFinallyTry  // try body of try/finally: POP_BLOCK, then the finally body
	blockExceptBody  // an except clause's body: [prev] on the stack
	blockFinallyExc  // a finally body on the exception path: [prev exc]
	blockWith        // with body: [mgr]
	blockAsyncWith   // async with body: [mgr]
	blockExceptAsTmp // the "as name" cleanup handler inside an except body
)

type block struct {
	kind      blockKind
	brk, cont *label
	finally   []syntax.Stmt
	name      *syntax.Ident // except ... as name
}

type fcomp struct {
	pc       *pcomp
	fn       *resolve.Function
	code     *Code
	offset   int // slot of resolver local 0 (1 in comprehensions, whose slot 0 is the iterator)
	cellOf   map[*resolve.Binding]int
	consts   map[any]int
	names    map[string]int
	blocks   []*block
	pos      syntax.Position
	end      syntax.Position
	isModule bool
	isClass  bool         // a class body
	match    *matchStores // the captures of the case being compiled
}

func (pc *pcomp) newFcomp(fn *resolve.Function, name, qualname string, line int) *fcomp {
	c := &fcomp{
		pc:     pc,
		fn:     fn,
		code:   &Code{Name: name, QualName: qualname, File: pc.file, FirstLine: line},
		cellOf: map[*resolve.Binding]int{},
		consts: map[any]int{},
		names:  map[string]int{},
	}
	if fn == nil {
		c.isModule = true
		return c
	}
	code := c.code
	if fn.Kind == resolve.ComprehensionFunc {
		c.offset = 1
		code.Locals = append(code.Locals, ".0")
		code.NumPos = 1
	}
	if fn.Kind == resolve.ClassFunc {
		// a class body keeps its namespace in local 0
		c.offset = 1
		code.Locals = append(code.Locals, ".namespace")
	}
	for _, b := range fn.Locals {
		code.Locals = append(code.Locals, b.Name)
	}
	for i, b := range fn.Locals {
		if b.Scope == resolve.Cell {
			c.cellOf[b] = len(code.Cells)
			code.Cells = append(code.Cells, b.Name)
			if i < fn.NumParams {
				code.CellArgs = append(code.CellArgs, i+c.offset)
			} else {
				code.CellArgs = append(code.CellArgs, -1)
			}
		}
	}
	for _, b := range fn.FreeVars {
		code.Cells = append(code.Cells, b.Name)
	}
	code.NumFree = len(fn.FreeVars)
	code.Coroutine = fn.Async
	code.Generator = fn.Generator
	return c
}

func (c *fcomp) errorf(pos syntax.Position, format string, args ...any) {
	panic(&syntax.Error{File: c.pc.file, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// span is the source range instructions are attributed to.
type span struct{ pos, end syntax.Position }

// setPos attributes the next instructions to position p (end unknown).
func (c *fcomp) setPos(p syntax.Position) span {
	old := span{c.pos, c.end}
	if p.IsValid() {
		c.pos, c.end = p, syntax.Position{}
		c.pc.pos = p
	}
	return old
}

// setSpan attributes the next instructions to node n's range, as CPython
// 3.11's position table does (for tracebacks' carets).
func (c *fcomp) setSpan(n syntax.Node) span {
	old := c.setPos(n.Pos())
	if n.Pos().IsValid() {
		c.end = n.End()
	}
	return old
}

func (c *fcomp) restore(s span) {
	c.pos, c.end = s.pos, s.end
}

func (c *fcomp) emit(op Opcode, arg int) int {
	c.code.Instrs = append(c.code.Instrs, Instr{op, int32(arg)})
	c.code.Pos = append(c.code.Pos, Pos{c.pos.Line, c.pos.Col, c.end.Line, c.end.Col})
	return len(c.code.Instrs) - 1
}

func (c *fcomp) newLabel() *label { return &label{pc: -1} }

func (c *fcomp) jump(op Opcode, l *label) {
	i := c.emit(op, 0)
	if l.pc >= 0 {
		c.code.Instrs[i].Arg = int32(l.pc)
	} else {
		l.uses = append(l.uses, i)
	}
}

func (c *fcomp) bind(l *label) {
	l.pc = len(c.code.Instrs)
	for _, u := range l.uses {
		c.code.Instrs[u].Arg = int32(l.pc)
	}
	l.uses = nil
}

func (c *fcomp) constIndex(v Value) int {
	var key any
	switch v := v.(type) {
	case Int, Str, Bool, NoneType, Bytes:
		key = struct {
			t string
			v Value
		}{fmt.Sprintf("%T", v), v}
	case Float:
		key = struct {
			t string
			v string
		}{"f", FloatRepr(float64(v)) + fmt.Sprint(float64(v) == 0 && 1/float64(v) < 0)}
	}
	if key != nil {
		if i, ok := c.consts[key]; ok {
			return i
		}
	}
	c.code.Consts = append(c.code.Consts, v)
	i := len(c.code.Consts) - 1
	if key != nil {
		c.consts[key] = i
	}
	return i
}

func (c *fcomp) loadConst(v Value) { c.emit(CONST, c.constIndex(v)) }

func (c *fcomp) nameIndex(s string) int {
	if i, ok := c.names[s]; ok {
		return i
	}
	c.code.Names = append(c.code.Names, s)
	c.names[s] = len(c.code.Names) - 1
	return c.names[s]
}

// finish computes the stack size and returns the code.
func (c *fcomp) finish() *Code {
	c.code.MaxStack = maxStack(c.code) + 2
	if !c.isModule && !c.isClass {
		c.code.WriteOnly = writeOnlySlots(c.code)
	}
	return c.code
}

// writeOnlySlots finds the locals code stores to and never reads (see
// Code.WriteOnly), or nil.
func writeOnlySlots(code *Code) []bool {
	n := len(code.Locals)
	stored := make([]bool, n)
	read := make([]bool, n)
	any := false
	for _, in := range code.Instrs {
		switch in.Op {
		case STORE_FAST:
			stored[in.Arg] = true
			any = true
		case LOAD_FAST, DELETE_FAST:
			read[in.Arg] = true
		}
	}
	if !any {
		return nil
	}
	found := false
	for i := range stored {
		stored[i] = stored[i] && !read[i]
		found = found || stored[i]
	}
	if !found {
		return nil
	}
	return stored
}

// ---- names ----

func binding(id *syntax.Ident) *resolve.Binding {
	if b, ok := id.Binding.(*resolve.Binding); ok {
		return b
	}
	return nil
}

func (c *fcomp) nameOp(id *syntax.Ident, kind int) {
	old := c.setSpan(id)
	defer c.restore(old)
	b := binding(id)
	if b == nil {
		c.errorf(id.NamePos, "internal error: unresolved name %s", id.Name)
	}
	switch b.Scope {
	case resolve.Local:
		c.emit([...]Opcode{LOAD_FAST, STORE_FAST, DELETE_FAST}[kind], b.Index+c.offset)
	case resolve.Cell:
		c.emit([...]Opcode{LOAD_DEREF, STORE_DEREF, DELETE_DEREF}[kind], c.cellIndex(b))
	case resolve.Free:
		c.emit([...]Opcode{LOAD_DEREF, STORE_DEREF, DELETE_DEREF}[kind], len(c.code.Cells)-c.code.NumFree+b.Index)
	case resolve.Global:
		c.emit([...]Opcode{LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL}[kind], b.Index)
	case resolve.ClassLocal:
		c.emit([...]Opcode{LOAD_NAME, STORE_NAME, DELETE_NAME}[kind], c.nameIndex(b.Name))
	case resolve.Universal:
		if kind != 0 {
			c.errorf(id.NamePos, "internal error: assignment to builtin %s", id.Name)
		}
		switch b.Name {
		case "__name__":
			c.loadConst(Str("__main__"))
			return
		case "__file__":
			c.loadConst(Str(c.pc.file))
			return
		}
		v := builtinValues[b.Name]
		if v == nil {
			c.errorf(id.NamePos, "name '%s' is not supported in scenes", b.Name)
		}
		c.loadConst(v)
	default:
		c.errorf(id.NamePos, "internal error: bad scope for %s", id.Name)
	}
}

func (c *fcomp) cellIndex(b *resolve.Binding) int {
	i, ok := c.cellOf[b]
	if !ok {
		c.errorf(c.pos, "internal error: %s is not a cell here", b.Name)
	}
	return i
}

func (c *fcomp) load(id *syntax.Ident)  { c.nameOp(id, 0) }
func (c *fcomp) store(id *syntax.Ident) { c.nameOp(id, 1) }
func (c *fcomp) del(id *syntax.Ident)   { c.nameOp(id, 2) }

// ---- statements ----

func (c *fcomp) stmts(list []syntax.Stmt) {
	for _, s := range list {
		c.stmt(s)
	}
}

func (c *fcomp) stmt(s syntax.Stmt) {
	c.setSpan(s)
	switch s := s.(type) {
	case *syntax.ExprStmt:
		c.expr(s.X)
		c.emit(POP, 1)
	case *syntax.AssignStmt:
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.emit(DUP, 0)
			}
			c.assign(t)
		}
	case *syntax.AugAssignStmt:
		c.augAssign(s)
	case *syntax.AnnAssignStmt:
		if s.Value != nil {
			c.expr(s.Value)
			c.assign(s.Target)
		}
		if c.isClass {
			c.classAnnotation(s)
		}
	case *syntax.DefStmt:
		c.defStmt(s)
	case *syntax.ClassStmt:
		c.classStmt(s)
	case *syntax.IfStmt:
		els, end := c.newLabel(), c.newLabel()
		c.cond(s.Cond, els)
		c.stmts(s.True)
		if len(s.False) > 0 {
			c.jump(JUMP, end)
		}
		c.bind(els)
		c.stmts(s.False)
		c.bind(end)
	case *syntax.WhileStmt:
		top, els, end := c.newLabel(), c.newLabel(), c.newLabel()
		c.bind(top)
		c.setSpan(s.Cond)
		// As CPython does, a constant true condition is not tested, so a
		// spinning "while True:" loop is all on its body's lines.
		always := false
		if v := constValue(s.Cond); v != nil && Truth(v) {
			always = true
		} else {
			c.cond(s.Cond, els)
		}
		c.blocks = append(c.blocks, &block{kind: blockWhile, brk: end, cont: top})
		c.stmts(s.Body)
		c.blocks = c.blocks[:len(c.blocks)-1]
		if always && len(s.Body) > 0 {
			c.setPos(s.Body[len(s.Body)-1].Pos())
		} else {
			c.setPos(s.While)
		}
		c.jump(JUMP, top)
		c.bind(els)
		c.stmts(s.Else)
		c.bind(end)
	case *syntax.ForStmt:
		c.forStmt(s)
	case *syntax.MatchStmt:
		c.matchStmt(s)
	case *syntax.TryStmt:
		c.tryStmt(s)
	case *syntax.WithStmt:
		c.withStmt(s, 0)
	case *syntax.RaiseStmt:
		n := 0
		if s.X != nil {
			c.expr(s.X)
			n++
			if s.Cause != nil {
				c.expr(s.Cause)
				n++
			}
		}
		c.setSpan(s)
		c.emit(RAISE, n)
	case *syntax.ReturnStmt:
		if s.Result != nil {
			c.expr(s.Result)
		} else {
			c.emit(NONE, 0)
		}
		c.setSpan(s)
		if c.needsUnwind(0) {
			c.emit(SET_RETVAL, 0)
			c.unwind(0, false)
			c.emit(RETURN_RETVAL, 0)
		} else {
			c.emit(RETURN_VALUE, 0)
		}
	case *syntax.BreakStmt, *syntax.ContinueStmt:
		_, isBreak := s.(*syntax.BreakStmt)
		i := len(c.blocks) - 1
		for ; i >= 0; i-- {
			if k := c.blocks[i].kind; k == blockWhile || k == blockFor {
				break
			}
		}
		if i < 0 {
			c.errorf(s.Pos(), "'break' outside loop")
		}
		loop := c.blocks[i]
		c.unwind(i+1, false)
		if isBreak {
			if loop.kind == blockFor {
				c.emit(POP, 0)
			}
			c.jump(JUMP, loop.brk)
		} else {
			c.jump(JUMP, loop.cont)
		}
	case *syntax.GlobalStmt, *syntax.NonlocalStmt, *syntax.PassStmt:
	case *syntax.DelStmt:
		for _, t := range s.Targets {
			c.delTarget(t)
		}
	case *syntax.AssertStmt:
		end := c.newLabel()
		c.expr(s.Cond)
		c.jump(POP_JUMP_IF_TRUE, end)
		n := 0
		if s.Msg != nil {
			c.expr(s.Msg)
			n = 1
		}
		c.setSpan(s.Cond) // CPython 3.11 points at the test
		c.emit(ASSERT_FAIL, n)
		c.bind(end)
	case *syntax.ImportStmt:
		for _, n := range s.Names {
			path := dotted(n.Path)
			if n.AsName != nil {
				c.emit(IMPORT_NAME, c.nameIndex(path))
				c.store(n.AsName)
			} else {
				c.emit(IMPORT_NAME, c.nameIndex(path))
				if len(n.Path) > 1 {
					c.emit(POP, 0)
					c.emit(IMPORT_NAME, c.nameIndex(n.Path[0].Name))
				}
				c.store(n.Path[0])
			}
		}
	case *syntax.FromImportStmt:
		c.emit(IMPORT_NAME, c.nameIndex(dotted(s.Module)))
		for _, n := range s.Names {
			c.setSpan(n)
			c.emit(IMPORT_FROM, c.nameIndex(n.Path[0].Name))
			if n.AsName != nil {
				c.store(n.AsName)
			} else {
				c.store(n.Path[0])
			}
		}
		c.emit(POP, 0)
	default:
		c.errorf(s.Pos(), "internal error: unexpected statement %T", s)
	}
}

func dotted(path []*syntax.Ident) string {
	s := ""
	for i, p := range path {
		if i > 0 {
			s += "."
		}
		s += p.Name
	}
	return s
}

// needsUnwind reports whether leaving the blocks from index from outward
// needs any code.
func (c *fcomp) needsUnwind(from int) bool {
	for _, b := range c.blocks[from:] {
		if b.kind != blockWhile {
			return true
		}
	}
	return false
}

// unwind emits the code that leaves blocks[from:], innermost first (for
// return, break and continue). A loop at from-1 is the target and is not
// unwound; loops inside are (their iterators popped).
func (c *fcomp) unwind(from int, _ bool) {
	saved := c.blocks
	for i := len(saved) - 1; i >= from; i-- {
		b := saved[i]
		switch b.kind {
		case blockWhile:
		case blockFor:
			c.emit(POP, 0)
		case blockTryBody:
			c.emit(POP_BLOCK, 0)
		case blockFinallyTry:
			c.emit(POP_BLOCK, 0)
			c.blocks = saved[:i:i] // appends must not overwrite saved
			c.stmts(b.finally)
			c.blocks = saved
		case blockExceptAsTmp:
			c.emit(POP_BLOCK, 0)
			c.emit(NONE, 0)
			c.store(b.name)
			c.del(b.name)
		case blockExceptBody:
			c.emit(POP_BLOCK, 0)
			c.emit(POP_EXCEPT, 0)
		case blockFinallyExc:
			c.emit(POP_BLOCK, 0)
			c.emit(POP, 0)
			c.emit(POP_EXCEPT, 0)
		case blockWith:
			c.emit(POP_BLOCK, 0)
			c.emit(WITH_EXIT, 0)
		case blockAsyncWith:
			c.emit(POP_BLOCK, 0)
			c.emit(ASYNC_WITH_EXIT, 0)
			c.emit(GET_AWAITABLE, 0)
			c.emit(AWAIT, 0)
			c.emit(POP, 0)
		}
	}
	c.blocks = saved
}

func (c *fcomp) forStmt(s *syntax.ForStmt) {
	top, els, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(s.X)
	c.setPos(s.For)
	if s.Async {
		c.emit(GET_AITER, 0)
		c.bind(top)
		handler := c.newLabel()
		c.jump(SETUP_EXCEPT, handler)
		c.emit(GET_ANEXT, 0)
		c.emit(AWAIT, 0)
		c.emit(POP_BLOCK, 0)
		c.assign(s.Vars)
		c.blocks = append(c.blocks, &block{kind: blockFor, brk: end, cont: top})
		c.stmts(s.Body)
		c.blocks = c.blocks[:len(c.blocks)-1]
		c.setPos(s.For)
		c.jump(JUMP, top)
		c.bind(handler)
		c.emit(END_ASYNC_FOR, 0)
		c.stmts(s.Else)
		c.bind(end)
		_ = els
		return
	}
	c.emit(GET_ITER, 0)
	c.bind(top)
	c.jump(FOR_ITER, els)
	c.assign(s.Vars)
	c.blocks = append(c.blocks, &block{kind: blockFor, brk: end, cont: top})
	c.stmts(s.Body)
	c.blocks = c.blocks[:len(c.blocks)-1]
	c.setPos(s.For)
	c.jump(JUMP, top)
	c.bind(els)
	c.stmts(s.Else)
	c.bind(end)
}

func (c *fcomp) tryStmt(s *syntax.TryStmt) {
	if len(s.Finally) == 0 {
		c.tryExcept(s)
		return
	}
	excPath, cleanup, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.jump(SETUP_EXCEPT, excPath)
	c.blocks = append(c.blocks, &block{kind: blockFinallyTry, finally: s.Finally})
	if len(s.Handlers) > 0 {
		c.tryExcept(s)
	} else {
		c.stmts(s.Body)
	}
	c.blocks = c.blocks[:len(c.blocks)-1]
	c.setPos(s.FinallyPos)
	c.emit(POP_BLOCK, 0)
	c.stmts(s.Finally)
	c.jump(JUMP, end)
	c.bind(excPath)
	c.setPos(s.FinallyPos)
	c.emit(PUSH_EXC_INFO, 0)
	c.jump(SETUP_CLEANUP, cleanup)
	c.blocks = append(c.blocks, &block{kind: blockFinallyExc})
	c.stmts(s.Finally)
	c.blocks = c.blocks[:len(c.blocks)-1]
	c.setPos(s.FinallyPos)
	c.emit(POP_BLOCK, 0)
	c.emit(EXCH, 0)
	c.emit(POP_EXCEPT, 0)
	c.emit(RERAISE, 0)
	c.bind(cleanup)
	c.emit(POP_EXCEPT_RERAISE, 0)
	c.bind(end)
}

// tryBody compiles the try block and its else block of try/except and
// try/except*, and returns the labels of the handlers, of their cleanup
// and of the statement's end (the handlers are the caller's).
func (c *fcomp) tryBody(s *syntax.TryStmt) (handler, cleanup, end *label) {
	handler, cleanup, end = c.newLabel(), c.newLabel(), c.newLabel()
	c.setPos(s.Try)
	c.jump(SETUP_EXCEPT, handler)
	c.blocks = append(c.blocks, &block{kind: blockTryBody})
	c.stmts(s.Body)
	c.blocks = c.blocks[:len(c.blocks)-1]
	c.emit(POP_BLOCK, 0)
	c.stmts(s.Else)
	c.jump(JUMP, end)
	return handler, cleanup, end
}

func (c *fcomp) tryExcept(s *syntax.TryStmt) {
	if s.Handlers[0].Star.IsValid() {
		c.tryExceptStar(s)
		return
	}
	handler, cleanup, end := c.tryBody(s)
	c.bind(handler)
	c.setPos(s.Handlers[0].Except)
	c.emit(PUSH_EXC_INFO, 0)
	c.jump(SETUP_CLEANUP, cleanup)
	for _, h := range s.Handlers {
		c.setPos(h.Except)
		next := c.newLabel()
		if h.Type != nil {
			c.expr(h.Type)
			c.setPos(h.Except)
			c.emit(CHECK_EXC_MATCH, 0)
			c.jump(POP_JUMP_IF_FALSE, next)
		}
		if h.Name != nil {
			c.store(h.Name)
		} else {
			c.emit(POP, 0)
		}
		var nameCleanup *label
		if h.Name != nil {
			nameCleanup = c.newLabel()
			c.jump(SETUP_EXCEPT, nameCleanup)
		}
		c.blocks = append(c.blocks, &block{kind: blockExceptBody})
		if h.Name != nil {
			c.blocks = append(c.blocks, &block{kind: blockExceptAsTmp, name: h.Name})
		}
		c.stmts(h.Body)
		if h.Name != nil {
			c.blocks = c.blocks[:len(c.blocks)-1]
			c.emit(POP_BLOCK, 0)
		}
		c.blocks = c.blocks[:len(c.blocks)-1]
		c.emit(POP_BLOCK, 0)
		c.emit(POP_EXCEPT, 0)
		if h.Name != nil {
			c.emit(NONE, 0)
			c.store(h.Name)
			c.del(h.Name)
		}
		c.jump(JUMP, end)
		if h.Name != nil {
			c.bind(nameCleanup)
			c.emit(NONE, 0)
			c.store(h.Name)
			c.del(h.Name)
			c.emit(RERAISE, 0)
		}
		c.bind(next)
	}
	c.emit(RERAISE, 0)
	c.bind(cleanup)
	c.emit(POP_EXCEPT_RERAISE, 0)
	c.bind(end)
}

func (c *fcomp) withStmt(s *syntax.WithStmt, i int) {
	if i == len(s.Items) {
		c.stmts(s.Body)
		return
	}
	item := s.Items[i]
	excPath, cleanup, suppress, end := c.newLabel(), c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(item.X)
	// Entering and leaving are the with statement's (CPython 3.11 gives
	// them its whole, multi-line range: tracebacks show no carets there).
	c.setSpan(s)
	kind := blockWith
	if s.Async {
		kind = blockAsyncWith
		c.emit(ASYNC_WITH_ENTER, 0)
		c.emit(GET_AWAITABLE, 0)
		c.emit(AWAIT, 0)
	} else {
		c.emit(WITH_ENTER, 0)
	}
	if item.Target != nil {
		c.assign(item.Target)
	} else {
		c.emit(POP, 0)
	}
	c.jump(SETUP_EXCEPT, excPath)
	c.blocks = append(c.blocks, &block{kind: kind})
	c.withStmt(s, i+1)
	c.blocks = c.blocks[:len(c.blocks)-1]
	c.setSpan(s)
	c.emit(POP_BLOCK, 0)
	if s.Async {
		c.emit(ASYNC_WITH_EXIT, 0)
		c.emit(GET_AWAITABLE, 0)
		c.emit(AWAIT, 0)
		c.emit(POP, 0)
	} else {
		c.emit(WITH_EXIT, 0)
	}
	c.jump(JUMP, end)
	c.bind(excPath)
	c.emit(PUSH_EXC_INFO, 0)
	c.jump(SETUP_CLEANUP, cleanup)
	if s.Async {
		c.emit(ASYNC_WITH_EXIT_EXC, 0)
		c.emit(GET_AWAITABLE, 0)
		c.emit(AWAIT, 0)
	} else {
		c.emit(WITH_EXIT_EXC, 0)
	}
	c.jump(POP_JUMP_IF_TRUE, suppress)
	c.emit(RERAISE, 0)
	c.bind(suppress)
	c.emit(POP_BLOCK, 0)
	c.emit(POP, 0)
	c.emit(POP_EXCEPT, 0)
	c.emit(POP, 0)
	c.jump(JUMP, end)
	c.bind(cleanup)
	c.emit(POP_EXCEPT_RERAISE, 0)
	c.bind(end)
}

// ---- assignment ----

func (c *fcomp) assign(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Ident:
		c.store(t)
	case *syntax.ParenExpr:
		c.assign(t.X)
	case *syntax.DotExpr:
		c.expr(t.X)
		old := c.setSpan(t)
		c.emit(STORE_ATTR, c.nameIndex(t.Name.Name))
		c.restore(old)
	case *syntax.IndexExpr:
		c.expr(t.X)
		c.expr(t.Y)
		c.setSpan(t)
		c.emit(STORE_SUBSCR, 0)
	case *syntax.SliceExpr:
		c.expr(t.X)
		c.slice(t)
		c.setSpan(t)
		c.emit(STORE_SUBSCR, 0)
	case *syntax.TupleExpr:
		c.assignSeq(t.List, t.Pos())
	case *syntax.ListExpr:
		c.assignSeq(t.List, t.Pos())
	default:
		c.errorf(t.Pos(), "cannot assign to %T", t)
	}
}

func (c *fcomp) assignSeq(list []syntax.Expr, pos syntax.Position) {
	star := -1
	for i, x := range list {
		if s, ok := x.(*syntax.StarredExpr); ok && s.Op == syntax.STAR {
			if star >= 0 {
				c.errorf(s.Pos(), "multiple starred expressions in assignment")
			}
			star = i
		}
	}
	c.setPos(pos)
	if star < 0 {
		c.emit(UNPACK_SEQUENCE, len(list))
		for _, x := range list {
			c.assign(x)
		}
		return
	}
	before, after := star, len(list)-star-1
	c.emit(UNPACK_EX, before|after<<8)
	for i, x := range list {
		if i == star {
			c.assign(x.(*syntax.StarredExpr).X)
		} else {
			c.assign(x)
		}
	}
}

func (c *fcomp) slice(s *syntax.SliceExpr) {
	for _, x := range []syntax.Expr{s.Lo, s.Hi, s.Step} {
		if x == nil {
			c.emit(NONE, 0)
		} else {
			c.expr(x)
		}
	}
	c.emit(BUILD_SLICE, 3)
}

var augOps = map[syntax.Token]BinOp{
	syntax.PLUS_EQ: OpAdd, syntax.MINUS_EQ: OpSub, syntax.STAR_EQ: OpMul, syntax.SLASH_EQ: OpTrueDiv,
	syntax.SLASHSLASH_EQ: OpFloorDiv, syntax.PERCENT_EQ: OpMod, syntax.STARSTAR_EQ: OpPow,
	syntax.AT_EQ: OpMatMul, syntax.AMP_EQ: OpAnd, syntax.PIPE_EQ: OpOr, syntax.CIRCUMFLEX_EQ: OpXor,
	syntax.LTLT_EQ: OpLShift, syntax.GTGT_EQ: OpRShift,
}

func (c *fcomp) augAssign(s *syntax.AugAssignStmt) {
	op, ok := augOps[s.Op]
	if !ok {
		c.errorf(s.OpPos, "unknown operator")
	}
	target := s.Target
	for {
		p, ok := target.(*syntax.ParenExpr)
		if !ok {
			break
		}
		target = p.X
	}
	switch t := target.(type) {
	case *syntax.Ident:
		c.load(t)
		c.expr(s.Value)
		c.setPos(s.OpPos)
		c.emit(INPLACE, int(op))
		c.store(t)
	case *syntax.DotExpr:
		c.expr(t.X)
		c.emit(DUP, 0)
		c.emit(LOAD_ATTR, c.nameIndex(t.Name.Name))
		c.expr(s.Value)
		c.setPos(s.OpPos)
		c.emit(INPLACE, int(op))
		c.emit(EXCH, 0)
		c.emit(STORE_ATTR, c.nameIndex(t.Name.Name))
	case *syntax.IndexExpr, *syntax.SliceExpr:
		if ix, ok := t.(*syntax.IndexExpr); ok {
			c.expr(ix.X)
			c.expr(ix.Y)
		} else {
			sl := t.(*syntax.SliceExpr)
			c.expr(sl.X)
			c.slice(sl)
		}
		c.emit(DUP2, 0)
		c.setSpan(t)
		c.emit(SUBSCR, 0)
		c.expr(s.Value)
		c.setPos(s.OpPos)
		c.emit(INPLACE, int(op))
		c.emit(ROT3, 0)
		c.emit(STORE_SUBSCR, 0)
	default:
		c.errorf(s.Target.Pos(), "illegal expression for augmented assignment")
	}
}

func (c *fcomp) delTarget(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Ident:
		c.del(t)
	case *syntax.ParenExpr:
		c.delTarget(t.X)
	case *syntax.TupleExpr:
		for _, x := range t.List {
			c.delTarget(x)
		}
	case *syntax.ListExpr:
		for _, x := range t.List {
			c.delTarget(x)
		}
	case *syntax.IndexExpr:
		c.expr(t.X)
		c.expr(t.Y)
		c.setSpan(t)
		c.emit(DELETE_SUBSCR, 0)
	case *syntax.SliceExpr:
		c.expr(t.X)
		c.slice(t)
		c.setSpan(t)
		c.emit(DELETE_SUBSCR, 0)
	case *syntax.DotExpr:
		c.expr(t.X)
		c.emit(DELETE_ATTR, c.nameIndex(t.Name.Name))
	default:
		c.errorf(t.Pos(), "cannot delete %T", t)
	}
}

// ---- functions ----

func resolveFn(x any) *resolve.Function {
	if f, ok := x.(*resolve.Function); ok {
		return f
	}
	return nil
}

func (c *fcomp) qualPrefix() string {
	if c.isModule {
		return ""
	}
	if c.isClass {
		return c.code.QualName + "."
	}
	return c.code.QualName + ".<locals>."
}

func (c *fcomp) defStmt(s *syntax.DefStmt) {
	for _, d := range s.Decorators {
		c.expr(d.X)
	}
	fn := resolveFn(s.Function)
	if fn == nil {
		c.errorf(s.Pos(), "internal error: unresolved def")
	}
	c.makeFunction(fn, s.Name.Name, s.Params, s.Returns, int(s.Pos().Line), func(fc *fcomp) {
		fc.stmts(s.Body)
		fc.emit(NONE, 0)
		fc.emit(RETURN_VALUE, 0)
	})
	c.setSpan(s)
	for range s.Decorators {
		c.emit(CALL, 1)
	}
	c.store(s.Name)
}

// makeFunction compiles a function body and emits the code that makes the
// function object (defaults, keyword-only defaults, annotations, closure).
// As in CPython, the defaults are evaluated first, then the annotations in
// parameter order with the return annotation (returns, nil if none) last.
func (c *fcomp) makeFunction(fn *resolve.Function, name string, params []*syntax.Param, returns syntax.Expr, line int, body func(*fcomp)) {
	flags := 0
	var posDefaults []syntax.Expr
	var kwNames []string
	var kwDefaults []syntax.Expr
	for _, p := range params {
		if p.Default == nil {
			continue
		}
		if p.Kind == syntax.KwOnlyParam {
			kwNames = append(kwNames, p.Name.Name)
			kwDefaults = append(kwDefaults, p.Default)
		} else {
			posDefaults = append(posDefaults, p.Default)
		}
	}
	if len(posDefaults) > 0 {
		for _, d := range posDefaults {
			c.expr(d)
		}
		c.emit(BUILD_TUPLE, len(posDefaults))
		flags |= 1
	}
	if len(kwDefaults) > 0 {
		for i, d := range kwDefaults {
			c.loadConst(Str(kwNames[i]))
			c.expr(d)
		}
		c.emit(BUILD_MAP, len(kwDefaults))
		flags |= 2
	}
	nann := 0
	for _, p := range params {
		if p.Annotation != nil && p.Name != nil {
			c.loadConst(Str(p.Name.Name))
			c.expr(p.Annotation)
			nann++
		}
	}
	if returns != nil {
		c.loadConst(Str("return"))
		c.expr(returns)
		nann++
	}
	if nann > 0 {
		c.emit(BUILD_MAP, nann)
		flags |= 8
	}
	fc := c.pc.newFcomp(fn, name, c.qualPrefix()+name, line)
	fc.setPos(fn.Pos)
	code := fc.code
	for _, p := range params {
		switch p.Kind {
		case syntax.PosOnlyParam:
			code.NumPos++
			code.NumPosOnly++
		case syntax.NormalParam:
			code.NumPos++
		case syntax.VarArgsParam:
			if p.Name != nil {
				code.VarArgs = true
			}
		case syntax.KwOnlyParam:
			code.NumKwOnly++
		case syntax.VarKwParam:
			code.VarKw = true
		}
	}
	body(fc)
	fc.finish()
	if len(fn.FreeVars) > 0 {
		c.closure(fn)
		flags |= 4
	}
	k := c.constIndex(code)
	c.emit(MAKE_FUNCTION, k<<4|flags)
}

// ---- expressions ----

// cond emits a jump to els when x is false.
func (c *fcomp) cond(x syntax.Expr, els *label) {
	c.expr(x)
	c.jump(POP_JUMP_IF_FALSE, els)
}

var binOps = map[syntax.Token]BinOp{
	syntax.PLUS: OpAdd, syntax.MINUS: OpSub, syntax.STAR: OpMul, syntax.SLASH: OpTrueDiv,
	syntax.SLASHSLASH: OpFloorDiv, syntax.PERCENT: OpMod, syntax.STARSTAR: OpPow, syntax.AT: OpMatMul,
	syntax.AMP: OpAnd, syntax.PIPE: OpOr, syntax.CIRCUMFLEX: OpXor, syntax.LTLT: OpLShift, syntax.GTGT: OpRShift,
}

func (c *fcomp) expr(x syntax.Expr) {
	old := c.setSpan(x)
	defer c.restore(old)
	switch x := x.(type) {
	case *syntax.Ident:
		c.load(x)
	case *syntax.Literal:
		c.literal(x)
	case *syntax.FString:
		c.fstring(x)
	case *syntax.CallExpr:
		c.call(x)
	case *syntax.DotExpr:
		c.expr(x.X)
		c.setSpan(x)
		c.emit(LOAD_ATTR, c.nameIndex(x.Name.Name))
	case *syntax.IndexExpr:
		c.expr(x.X)
		c.expr(x.Y)
		c.setSpan(x)
		c.emit(SUBSCR, 0)
	case *syntax.SliceExpr:
		c.expr(x.X)
		c.slice(x)
		c.setSpan(x)
		c.emit(SUBSCR, 0)
	case *syntax.CondExpr:
		els, end := c.newLabel(), c.newLabel()
		c.cond(x.Cond, els)
		c.expr(x.True)
		c.jump(JUMP, end)
		c.bind(els)
		c.expr(x.False)
		c.bind(end)
	case *syntax.BinaryExpr:
		c.expr(x.X)
		c.expr(x.Y)
		c.setSpan(x)
		c.emit(BINARY, int(binOps[x.Op]))
	case *syntax.BoolOpExpr:
		end := c.newLabel()
		c.expr(x.X)
		if x.Op == syntax.AND {
			c.jump(JUMP_IF_FALSE_OR_POP, end)
		} else {
			c.jump(JUMP_IF_TRUE_OR_POP, end)
		}
		c.expr(x.Y)
		c.bind(end)
	case *syntax.UnaryExpr:
		c.expr(x.X)
		c.setSpan(x)
		switch x.Op {
		case syntax.MINUS:
			c.emit(UNARY, int(OpNeg))
		case syntax.PLUS:
			c.emit(UNARY, int(OpPos))
		case syntax.TILDE:
			c.emit(UNARY, int(OpInvert))
		case syntax.NOT:
			c.emit(UNARY, int(OpNot))
		}
	case *syntax.CompareExpr:
		c.compare(x)
	case *syntax.ParenExpr:
		c.expr(x.X)
	case *syntax.TupleExpr:
		c.sequence(x.List, BUILD_TUPLE)
	case *syntax.ListExpr:
		c.sequence(x.List, BUILD_LIST)
	case *syntax.SetExpr:
		c.sequence(x.List, BUILD_SET)
	case *syntax.DictExpr:
		c.dict(x)
	case *syntax.Comprehension:
		c.comprehension(x)
	case *syntax.LambdaExpr:
		fn := resolveFn(x.Function)
		c.makeFunction(fn, "<lambda>", x.Params, nil, int(x.Lambda.Line), func(fc *fcomp) {
			if fn.Generator {
				fc.expr(x.Body)
				fc.emit(POP, 0)
				fc.emit(NONE, 0)
			} else {
				fc.expr(x.Body)
			}
			fc.emit(RETURN_VALUE, 0)
		})
	case *syntax.NamedExpr:
		c.expr(x.Value)
		c.emit(DUP, 0)
		c.store(x.Target)
	case *syntax.AwaitExpr:
		c.expr(x.X)
		c.setSpan(x)
		c.emit(GET_AWAITABLE, 0)
		c.emit(AWAIT, 0)
	case *syntax.YieldExpr:
		if x.From.IsValid() {
			c.expr(x.Value)
			c.setSpan(x)
			c.emit(GET_YIELD_FROM_ITER, 0)
			c.emit(YIELD_FROM, 0)
			break
		}
		if x.Value != nil {
			c.expr(x.Value)
		} else {
			c.emit(NONE, 0)
		}
		c.setSpan(x)
		c.emit(YIELD_VALUE, 0)
	case *syntax.StarredExpr:
		c.errorf(x.Pos(), "can't use starred expression here")
	case *syntax.KeywordArg:
		c.errorf(x.Pos(), "internal error: keyword argument outside a call")
	default:
		c.errorf(x.Pos(), "internal error: unexpected expression %T", x)
	}
}

func (c *fcomp) literal(x *syntax.Literal) {
	switch x.Token {
	case syntax.INT:
		switch v := x.Value.(type) {
		case int64:
			c.loadConst(Int(v))
		case *big.Int:
			c.loadConst(MakeBigInt(v))
		}
	case syntax.FLOAT:
		c.loadConst(Float(x.Value.(float64)))
	case syntax.STRING:
		c.loadConst(Str(x.Value.(string)))
	case syntax.BYTES:
		c.loadConst(Bytes(x.Value.(string)))
	case syntax.TRUE:
		c.loadConst(True)
	case syntax.FALSE:
		c.loadConst(False)
	case syntax.NONE:
		c.emit(NONE, 0)
	case syntax.ELLIPSIS:
		c.loadConst(Ellipsis)
	default:
		c.errorf(x.Pos(), "internal error: literal %v", x.Token)
	}
}

func (c *fcomp) fstring(x *syntax.FString) {
	n := 0
	for _, p := range x.Parts {
		if p.Field == nil {
			if p.Lit == "" {
				continue
			}
			c.loadConst(Str(p.Lit))
			n++
			continue
		}
		fd := p.Field
		conv := fd.Conversion
		if fd.Debug != "" {
			c.loadConst(Str(fd.Debug))
			n++
			if conv == 0 && fd.Spec == nil {
				conv = 'r'
			}
		}
		c.expr(fd.X)
		arg := 0
		switch conv {
		case 's':
			arg = 1
		case 'r':
			arg = 2
		case 'a':
			arg = 3
		}
		if fd.Spec != nil {
			c.fstring(fd.Spec)
			arg |= 4
		}
		c.setPos(fd.Lbrace)
		c.emit(FORMAT_VALUE, arg)
		n++
	}
	if n == 1 {
		// a lone literal is already a str; a lone field is formatted
		return
	}
	if n == 0 {
		c.loadConst(Str(""))
		return
	}
	c.emit(BUILD_STRING, n)
}

func (c *fcomp) compare(x *syntax.CompareExpr) {
	c.expr(x.X)
	if len(x.Ops) == 1 {
		c.expr(x.Ys[0])
		c.setSpan(x)
		c.compareOp(x.Ops[0].Op)
		return
	}
	cleanup, end := c.newLabel(), c.newLabel()
	for i, op := range x.Ops {
		c.expr(x.Ys[i])
		c.setSpan(x)
		if i < len(x.Ops)-1 {
			c.emit(DUP, 0)
			c.emit(ROT3, 0)
			c.compareOp(op.Op)
			c.jump(JUMP_IF_FALSE_OR_POP, cleanup)
		} else {
			c.compareOp(op.Op)
			c.jump(JUMP, end)
		}
	}
	c.bind(cleanup)
	c.emit(EXCH, 0)
	c.emit(POP, 0)
	c.bind(end)
}

func (c *fcomp) compareOp(tok syntax.Token) {
	switch tok {
	case syntax.LT:
		c.emit(COMPARE, int(OpLT))
	case syntax.LE:
		c.emit(COMPARE, int(OpLE))
	case syntax.GT:
		c.emit(COMPARE, int(OpGT))
	case syntax.GE:
		c.emit(COMPARE, int(OpGE))
	case syntax.EQL:
		c.emit(COMPARE, int(OpEQ))
	case syntax.NEQ:
		c.emit(COMPARE, int(OpNE))
	case syntax.IS:
		c.emit(IS, 0)
	case syntax.IS_NOT:
		c.emit(IS, 1)
	case syntax.IN:
		c.emit(IN, 0)
	case syntax.NOT_IN:
		c.emit(IN, 1)
	default:
		c.errorf(c.pos, "internal error: comparison %v", tok)
	}
}

func hasStar(list []syntax.Expr) bool {
	for _, x := range list {
		if _, ok := x.(*syntax.StarredExpr); ok {
			return true
		}
	}
	return false
}

// constValue returns the value of a constant expression, or nil.
func constValue(x syntax.Expr) Value {
	lit, ok := x.(*syntax.Literal)
	if !ok {
		return nil
	}
	switch v := lit.Value.(type) {
	case int64:
		return Int(v)
	case *big.Int:
		return MakeBigInt(v)
	case float64:
		return Float(v)
	case string:
		if lit.Token == syntax.BYTES {
			return Bytes(v)
		}
		return Str(v)
	case bool:
		return Bool(v)
	}
	if lit.Token == syntax.NONE {
		return None
	}
	return nil
}

func (c *fcomp) sequence(list []syntax.Expr, op Opcode) {
	if op == BUILD_SET && len(list) > 2 {
		// CPython folds a set display of constants into a frozenset
		// constant and builds the set from it, which fixes its order.
		fs := &Set{Frozen: true}
		all := true
		for _, x := range list {
			v := constValue(x)
			if v == nil {
				all = false
				break
			}
			if err := fs.Add(nil, v); err != nil {
				all = false
				break
			}
		}
		if all {
			c.emit(BUILD_SET, 0)
			c.loadConst(fs)
			c.emit(SET_UPDATE, 0)
			return
		}
	}
	if !hasStar(list) {
		for _, x := range list {
			c.expr(x)
		}
		c.emit(op, len(list))
		return
	}
	if op == BUILD_SET {
		c.emit(BUILD_SET, 0)
	} else {
		c.emit(BUILD_LIST, 0)
	}
	for _, x := range list {
		if s, ok := x.(*syntax.StarredExpr); ok {
			c.expr(s.X)
			if op == BUILD_SET {
				c.emit(SET_UPDATE, 0)
			} else {
				c.emit(LIST_EXTEND, 0)
			}
			continue
		}
		c.expr(x)
		if op == BUILD_SET {
			c.emit(SET_ADD, 1)
		} else {
			c.emit(LIST_APPEND, 1)
		}
	}
	if op == BUILD_TUPLE {
		c.emit(LIST_TO_TUPLE, 0)
	}
}

func (c *fcomp) dict(x *syntax.DictExpr) {
	plain := true
	for _, e := range x.List {
		if _, ok := e.(*syntax.DictEntry); !ok {
			plain = false
		}
	}
	if plain {
		for _, e := range x.List {
			de := e.(*syntax.DictEntry)
			c.expr(de.Key)
			c.expr(de.Value)
		}
		c.setSpan(x)
		c.emit(BUILD_MAP, len(x.List))
		return
	}
	c.emit(BUILD_MAP, 0)
	for _, e := range x.List {
		switch e := e.(type) {
		case *syntax.DictEntry:
			c.expr(e.Key)
			c.expr(e.Value)
			c.emit(MAP_ADD, 1)
		case *syntax.StarredExpr:
			c.expr(e.X)
			c.emit(DICT_UPDATE, 0)
		}
	}
}

func (c *fcomp) call(x *syntax.CallExpr) {
	if c.superCall(x) {
		return
	}
	simple := true
	nkw := 0
	for _, a := range x.Args {
		switch a.(type) {
		case *syntax.StarredExpr:
			simple = false
		case *syntax.KeywordArg:
			nkw++
		}
	}
	if simple && nkw == 0 {
		if d, ok := x.Fn.(*syntax.DotExpr); ok {
			c.expr(d.X)
			c.setSpan(d)
			c.emit(LOAD_METHOD, c.nameIndex(d.Name.Name))
			for _, a := range x.Args {
				c.expr(a)
			}
			c.setSpan(x)
			c.emit(CALL_METHOD, len(x.Args))
			return
		}
	}
	c.expr(x.Fn)
	if simple {
		var names Tuple
		for _, a := range x.Args {
			if kw, ok := a.(*syntax.KeywordArg); ok {
				c.expr(kw.Value)
				names = append(names, Str(kw.Name.Name))
			} else {
				c.expr(a)
			}
		}
		c.setSpan(x)
		if nkw > 0 {
			c.emit(CONST, c.constIndex(names))
			c.emit(CALL_KW, len(x.Args))
		} else {
			c.emit(CALL, len(x.Args))
		}
		return
	}
	if star := soleStarArg(x.Args); star != nil {
		// f(*xs, k=v): as CPython, the iterable itself becomes the arguments
		c.expr(star.X)
		c.emit(ARGS_TO_TUPLE, 0)
	} else {
		c.emit(BUILD_LIST, 0)
		for _, a := range x.Args {
			switch a := a.(type) {
			case *syntax.StarredExpr:
				if a.Op == syntax.STAR {
					c.expr(a.X)
					c.emit(LIST_EXTEND, 0)
				}
			case *syntax.KeywordArg:
			default:
				c.expr(a)
				c.emit(LIST_APPEND, 1)
			}
		}
		c.emit(LIST_TO_TUPLE, 0)
	}
	hasKw, merged := false, false
	for _, a := range x.Args {
		switch a := a.(type) {
		case *syntax.StarredExpr:
			if a.Op == syntax.STARSTAR {
				if !hasKw {
					c.emit(BUILD_MAP, 0)
					hasKw = true
				}
				c.expr(a.X)
				c.emit(DICT_MERGE, 0)
				merged = true
			}
		case *syntax.KeywordArg:
			if !hasKw {
				c.emit(BUILD_MAP, 0)
				hasKw = true
			}
			if merged {
				// after a **mapping, a keyword may repeat one of its keys:
				// merge it so that the repeat is an error, as in CPython
				c.emit(BUILD_MAP, 0)
			}
			c.loadConst(Str(a.Name.Name))
			c.expr(a.Value)
			c.emit(MAP_ADD, 1)
			if merged {
				c.emit(DICT_MERGE, 0)
			}
		}
	}
	if !hasKw {
		c.emit(NONE, 0)
	}
	c.setSpan(x)
	c.emit(CALL_EX, 0)
}

var compNames = map[syntax.CompKind]string{
	syntax.ListComp: "<listcomp>", syntax.SetComp: "<setcomp>", syntax.DictComp: "<dictcomp>", syntax.GeneratorComp: "<genexpr>",
}

func (c *fcomp) comprehension(x *syntax.Comprehension) {
	fn := resolveFn(x.Function)
	if fn == nil {
		c.errorf(x.Pos(), "internal error: unresolved comprehension")
	}
	first := x.Clauses[0].(*syntax.ForClause)
	name := compNames[x.Kind]
	c.makeFunction(fn, name, nil, nil, int(x.Lbrack.Line), func(fc *fcomp) {
		fc.code.NumPos = 1
		fc.setSpan(x)
		depth := 0
		switch x.Kind {
		case syntax.ListComp:
			fc.emit(BUILD_LIST, 0)
			depth = 1
		case syntax.SetComp:
			fc.emit(BUILD_SET, 0)
			depth = 1
		case syntax.DictComp:
			fc.emit(BUILD_MAP, 0)
			depth = 1
		}
		fc.emit(LOAD_FAST, 0)
		fc.compClauses(x, x.Clauses, 0, depth)
		fc.emit(RETURN_VALUE, 0)
	})
	c.expr(first.X)
	c.setSpan(x)
	if first.Async {
		c.emit(GET_AITER, 0)
	} else {
		c.emit(GET_ITER, 0)
	}
	c.emit(CALL, 1)
	if fn.Async && x.Kind != syntax.GeneratorComp {
		c.emit(GET_AWAITABLE, 0)
		c.emit(AWAIT, 0)
	}
}

// compClauses emits the loops of a comprehension: the iterator of clause i
// is on the stack top on entry; depth counts the accumulator and the
// iterators below it.
func (fc *fcomp) compClauses(x *syntax.Comprehension, clauses []syntax.Node, i int, depth int) {
	fl := clauses[i].(*syntax.ForClause)
	top, end := fc.newLabel(), fc.newLabel()
	fc.bind(top)
	var handler *label
	if fl.Async {
		handler = fc.newLabel()
		fc.jump(SETUP_EXCEPT, handler)
		fc.emit(GET_ANEXT, 0)
		fc.emit(AWAIT, 0)
		fc.emit(POP_BLOCK, 0)
	} else {
		fc.jump(FOR_ITER, end)
	}
	fc.assign(fl.Vars)
	depth++ // the iterator
	j := i + 1
	for ; j < len(clauses); j++ {
		if ic, ok := clauses[j].(*syntax.IfClause); ok {
			fc.cond(ic.Cond, top)
			continue
		}
		break
	}
	if j < len(clauses) {
		nf := clauses[j].(*syntax.ForClause)
		fc.expr(nf.X)
		if nf.Async {
			fc.emit(GET_AITER, 0)
		} else {
			fc.emit(GET_ITER, 0)
		}
		fc.compClauses(x, clauses, j, depth)
	} else {
		switch x.Kind {
		case syntax.ListComp:
			fc.expr(x.Body)
			fc.emit(LIST_APPEND, depth)
		case syntax.SetComp:
			fc.expr(x.Body)
			fc.emit(SET_ADD, depth)
		case syntax.DictComp:
			de := x.Body.(*syntax.DictEntry)
			fc.expr(de.Key)
			fc.expr(de.Value)
			fc.emit(MAP_ADD, depth)
		case syntax.GeneratorComp:
			fc.expr(x.Body)
			fc.emit(YIELD_VALUE, 0)
			fc.emit(POP, 0)
		}
	}
	fc.jump(JUMP, top)
	if fl.Async {
		fc.bind(handler)
		fc.emit(END_ASYNC_FOR, 0)
	}
	fc.bind(end)
	if i == 0 && x.Kind == syntax.GeneratorComp {
		fc.emit(NONE, 0)
	}
}
