// Package resolve resolves the names of a parsed scene, in the manner of
// go.starlark.net/resolve, and refuses Python that the scene subset does
// not support or that CPython's compiler would reject.
//
// For every function (def, lambda, comprehension) it classifies each name
// as local, cell (a local captured by a nested function), free (a variable
// of an enclosing function reached through a closure cell), global
// (module-level) or universal (builtin), following Python 3's rules:
// assignment anywhere in a function makes a name local unless it is
// declared global or nonlocal; comprehensions are functions of their own,
// except that the first iterable is evaluated in the enclosing scope.
// A class body is a scope whose names are the class's attributes
// (ClassLocal): the functions nested in it do not see them, and a function
// that uses super or __class__ reaches the class through an implicit
// __class__ cell of the class body, as in CPython.
//
// File records its results in the syntax tree: each *syntax.Ident's
// Binding is a *Binding, each DefStmt, LambdaExpr and Comprehension's
// Function is a *Function, and the File's Module is a *Module.
//
// A name that is used but never bound and is not a builtin is not an error
// here: it resolves to a global, and reading it raises NameError at run
// time, as in CPython. A global binding whose name is also a builtin (for
// example a module that assigns print = ...) must, at run time, fall back
// to the builtin while the global is unset, as CPython's LOAD_GLOBAL does.
//
// Errors come in CPython's order: those its symbol table raises while
// walking the file (global/nonlocal after use, duplicate parameters, yield
// in a comprehension), then those it raises after the walk (nonlocal with
// no binding), then those of its code generator ('return' or 'await'
// outside a function, break outside a loop, starred expressions); File
// returns only the first group that is not empty. Refusals of Python that
// CPython accepts but scenes do not support (imports, module members,
// builtins such as open(), annotations with effects) come last, so that a
// learner first sees what CPython itself would say.
//
// The modules and their members come from the registry (package
// modules), which each module's own package fills; the builtins table
// (Builtins) is shared with the runtime.
package resolve

import (
	"fmt"
	"sort"
	"strings"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/suggest"
	"loopscope/scenes/python/syntax"
)

// Scope tells where a name's value lives.
type Scope uint8

// The scopes of a Binding.
const (
	Undefined  Scope = iota // never produced by File; the zero value
	Local                   // a local of a function, in a frame slot
	Cell                    // a local of a function captured by a nested function (boxed in a cell)
	Free                    // a variable of an enclosing function, reached through the closure
	Global                  // a module-level name
	Universal               // a builtin (Builtins)
	ClassLocal              // a name bound in a class body: an entry of the class namespace
)

var scopeNames = [...]string{"undefined", "local", "cell", "free", "global", "universal", "class"}

// String returns the scope's name.
func (s Scope) String() string { return scopeNames[s] }

// Binding is what a name refers to. All uses of one name in one function
// (or at module level) share one *Binding.
type Binding struct {
	Scope Scope
	// Index is the position of the binding in Function.Locals (Local, Cell),
	// Function.FreeVars (Free), Module.Globals (Global) or Builtins
	// (Universal).
	Index int
	Name  string
	// First is the first binding occurrence of the name (an assignment
	// target, parameter, def name, import, ...); nil for universals and for
	// globals that are never bound.
	First *syntax.Ident
	// Outer is, for a Free binding, the binding in the enclosing function
	// it refers to (Local turned Cell, or Free there); nil otherwise.
	Outer *Binding
	// Module is the dotted name of the module ("asyncio",
	// "concurrent.futures", "concurrent") when the name is bound only by
	// import statements of that module; "" otherwise.
	Module string
}

// FuncKind tells what syntax made a Function.
type FuncKind uint8

// The kinds of Function.
const (
	DefFunc           FuncKind = iota // def or async def
	LambdaFunc                        // lambda
	ComprehensionFunc                 // list/set/dict comprehension or generator expression
	ClassFunc                         // the body of a class statement
)

// Function is the resolver's view of one def, lambda or comprehension.
type Function struct {
	Kind       FuncKind
	Definition syntax.Node // *syntax.DefStmt, *syntax.LambdaExpr, *syntax.Comprehension or *syntax.ClassStmt
	Pos        syntax.Position
	Name       string // def or class name, "<lambda>", "<listcomp>", "<setcomp>", "<dictcomp>" or "<genexpr>"
	Parent     *Function

	// ClassRef, for a function that uses the name super, is an implicit
	// use of __class__ (resolved like any name: Free when a class encloses
	// the function), which zero-argument super() reads; nil otherwise.
	ClassRef *syntax.Ident
	// ClassCell, for a class body, is the binding of its implicit
	// __class__ cell (a Cell in Locals) when a method uses super or
	// __class__; nil otherwise.
	ClassCell *Binding

	// Async is set for async def, and for a comprehension that awaits or
	// uses async for (an asynchronous comprehension, or for a generator
	// expression an asynchronous generator).
	Async bool
	// Generator is set for a def or lambda that contains yield, and for
	// every generator expression.
	Generator bool

	// Locals holds the parameters first, in order (a bare '*' has none),
	// then the other locals in order of their first binding. Each has
	// Scope Local or Cell. A comprehension has no parameters: its first
	// iterable is evaluated in the enclosing function and passed in.
	Locals []*Binding
	// NumParams is the number of parameters at the start of Locals.
	NumParams int
	// FreeVars holds the enclosing bindings this function captures; a Free
	// binding with Index i refers to FreeVars[i].
	FreeVars []*Binding
}

// Cells returns the indices into Locals of the locals captured by nested
// functions.
func (fn *Function) Cells() []int {
	var cells []int
	for i, b := range fn.Locals {
		if b.Scope == Cell {
			cells = append(cells, i)
		}
	}
	return cells
}

// Module is the resolver's view of a whole file.
type Module struct {
	// Globals holds every module-level name: first the names bound at
	// module level, in order of their first binding, then names bound only
	// by functions that declare them global and names used but never bound
	// (NameError at run time), in the order the resolver met them.
	Globals []*Binding
	// Functions lists every Function of the file in source order.
	Functions []*Function
}

// ErrorList is a list of errors sorted by position, like go/scanner's.
type ErrorList []*syntax.Error

// Add appends an error.
func (l *ErrorList) Add(file string, pos syntax.Position, msg string) {
	*l = append(*l, &syntax.Error{File: file, Pos: pos, Msg: msg})
}

// Len, Swap and Less make an ErrorList sortable by position.
func (l ErrorList) Len() int { return len(l) }

// Swap swaps two errors.
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }

// Less orders errors by file, line, column, then message.
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i], l[j]
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Pos != b.Pos {
		return a.Pos.Before(b.Pos)
	}
	return a.Msg < b.Msg
}

// Sort sorts the list by position.
func (l ErrorList) Sort() { sort.Stable(l) }

// RemoveMultiples sorts the list and keeps only the first error of each
// line.
func (l *ErrorList) RemoveMultiples() {
	l.Sort()
	var out ErrorList
	for _, e := range *l {
		if n := len(out); n > 0 && out[n-1].File == e.File && out[n-1].Pos.Line == e.Pos.Line {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Error returns the first error's text, followed by a count of the others.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns an error equivalent to the list, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// File resolves the names of f and checks it against the scene subset. It
// returns nil or an ErrorList sorted by position, with at most one error
// per line; its first error is the one to show.
func File(f *syntax.File) error {
	r := &resolver{
		file:     f.Path,
		module:   &Module{},
		globals:  make(map[string]*Binding),
		univ:     make(map[string]*Binding),
		modBound: make(map[string]*syntax.Ident),
	}
	r.top = r.newBlock(nil, nil, moduleBlock)
	r.stmts(r.top, f.Stmts)
	r.resolveBlock(r.top)
	r.finish(f)
	f.Module = r.module
	// Report errors in the order CPython finds them: its symbol table
	// first, then its code generator; subset refusals only for a file
	// CPython would compile.
	errs := r.errors
	if len(errs) == 0 {
		errs = r.analysisErrors
	}
	if len(errs) == 0 {
		errs = r.codegenErrors
	}
	if len(errs) == 0 {
		errs = r.subsetErrors
	}
	errs.RemoveMultiples()
	return errs.Err()
}

type blockKind uint8

const (
	moduleBlock blockKind = iota
	defBlock
	lambdaBlock
	compBlock
	classBlock
)

// block is one scope: the module, a def, a lambda or a comprehension.
type block struct {
	kind     blockKind
	parent   *block
	fn       *Function // nil for the module
	async    bool      // async def
	compKind syntax.CompKind
	pos      syntax.Position

	bound       map[string]*syntax.Ident // first binding occurrence of each bound name
	boundOrder  []string
	params      map[string]bool
	globals     map[string]*syntax.Ident
	nonlocals   map[string]*syntax.Ident
	nonlocalPos map[string]syntax.Position // position of each name's nonlocal statement
	seen        map[string]useKind         // how a name has been met so far (for global/nonlocal order checks)
	uses        []*syntax.Ident
	resolved    map[string]*Binding
	children    []*block
	importMod   map[string]string // name bound by import -> module ("" once bound otherwise)
	otherBind   map[string]bool   // name bound by something other than an import
	returns     []*syntax.ReturnStmt
	loops       int                 // loop nesting at the current point of the walk
	passFree    map[string]*Binding // class blocks: free variables passed through to nested functions
	starDepth   int                 // except* bodies around the current point of the walk
	starLoops   int                 // loop nesting where the innermost except* body began
}

// useKind is a set of the ways a name has been met in a scope.
type useKind uint8

const (
	used      useKind = 1 << iota // read
	assigned                      // bound
	annotated                     // annotated (x: T)
)

type resolver struct {
	file           string
	module         *Module
	top            *block
	globals        map[string]*Binding
	univ           map[string]*Binding
	modBound       map[string]*syntax.Ident // names bound at module level (or via global declarations)
	errors         ErrorList                // symbol-table errors, raised as it walks the file
	analysisErrors ErrorList                // symbol-table errors, raised after the walk
	codegenErrors  ErrorList                // code-generation errors
	subsetErrors   ErrorList                // outside the scene subset
	compIter       int                      // > 0 while walking a comprehension's iterable
}

// errorf reports an error that CPython's symbol table pass raises (name
// declarations, yield placement, duplicate parameters).
func (r *resolver) errorf(pos syntax.Position, format string, args ...interface{}) {
	r.errors.Add(r.file, pos, fmt.Sprintf(format, args...))
}

// analysisErrorf reports an error that CPython's symbol table raises once
// it has seen the whole file (a nonlocal with no binding).
func (r *resolver) analysisErrorf(pos syntax.Position, format string, args ...interface{}) {
	r.analysisErrors.Add(r.file, pos, fmt.Sprintf(format, args...))
}

// codegenErrorf reports an error that CPython raises later, while
// generating code (return, break, await and async placement, starred
// expressions): CPython shows one only if the symbol table found none.
func (r *resolver) codegenErrorf(pos syntax.Position, format string, args ...interface{}) {
	r.codegenErrors.Add(r.file, pos, fmt.Sprintf(format, args...))
}

// subsetErrorf reports Python that CPython accepts but scenes do not
// support; it is shown only when CPython itself would find nothing wrong.
func (r *resolver) subsetErrorf(pos syntax.Position, format string, args ...interface{}) {
	r.subsetErrors.Add(r.file, pos, fmt.Sprintf(format, args...))
}

func (r *resolver) newBlock(parent *block, fn *Function, kind blockKind) *block {
	b := &block{
		kind:        kind,
		parent:      parent,
		fn:          fn,
		bound:       make(map[string]*syntax.Ident),
		params:      make(map[string]bool),
		globals:     make(map[string]*syntax.Ident),
		nonlocals:   make(map[string]*syntax.Ident),
		nonlocalPos: make(map[string]syntax.Position),
		seen:        make(map[string]useKind),
		resolved:    make(map[string]*Binding),
		importMod:   make(map[string]string),
		otherBind:   make(map[string]bool),
	}
	if parent != nil {
		parent.children = append(parent.children, b)
	}
	if fn != nil {
		r.module.Functions = append(r.module.Functions, fn)
	}
	return b
}

// ---- phase 1: walk the tree, recording bindings, declarations and uses ----

func (r *resolver) stmts(b *block, list []syntax.Stmt) {
	for _, s := range list {
		r.stmt(b, s)
	}
}

func (r *resolver) stmt(b *block, s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.ExprStmt:
		r.loneStar(s.X)
		r.expr(b, s.X)
	case *syntax.AssignStmt:
		r.loneStar(s.Value)
		r.expr(b, s.Value)
		for _, t := range s.Targets {
			r.starTarget(t)
			r.bindTarget(b, t)
		}
	case *syntax.AugAssignStmt:
		r.expr(b, s.Value)
		if id, ok := s.Target.(*syntax.Ident); ok {
			r.use(b, id)
			r.bind(b, id)
		} else {
			r.bindTarget(b, s.Target)
		}
	case *syntax.AnnAssignStmt:
		if b.kind == moduleBlock || b.kind == classBlock {
			r.annotation(b, s.Annotation)
		} else {
			// CPython never evaluates the annotation of a local.
			r.expr(b, s.Annotation)
		}
		if s.Value != nil {
			r.expr(b, s.Value)
		}
		b.seen[s.Target.Name] |= annotated
		r.bind(b, s.Target)
	case *syntax.DefStmt:
		r.def(b, s)
	case *syntax.ClassStmt:
		r.class(b, s)
	case *syntax.IfStmt:
		r.expr(b, s.Cond)
		r.stmts(b, s.True)
		r.stmts(b, s.False)
	case *syntax.WhileStmt:
		r.expr(b, s.Cond)
		b.loops++
		r.stmts(b, s.Body)
		b.loops--
		r.stmts(b, s.Else)
	case *syntax.ForStmt:
		if s.Async {
			r.requireAsync(b, s.AsyncPos, "'async for' outside async function")
		}
		r.loneStar(s.X)
		r.expr(b, s.X)
		r.starTarget(s.Vars)
		r.bindTarget(b, s.Vars)
		b.loops++
		r.stmts(b, s.Body)
		b.loops--
		r.stmts(b, s.Else)
	case *syntax.TryStmt:
		r.stmts(b, s.Body)
		for _, h := range s.Handlers {
			if h.Type != nil {
				r.expr(b, h.Type)
			}
			if h.Name != nil {
				r.bind(b, h.Name)
			}
			if h.Star.IsValid() {
				r.exceptStarBody(b, h.Body)
				continue
			}
			r.stmts(b, h.Body)
		}
		r.stmts(b, s.Else)
		r.stmts(b, s.Finally)
	case *syntax.WithStmt:
		if s.Async {
			r.requireAsync(b, s.AsyncPos, "'async with' outside async function")
		}
		for _, it := range s.Items {
			r.expr(b, it.X)
			if it.Target != nil {
				r.starTarget(it.Target)
				r.bindTarget(b, it.Target)
			}
		}
		r.stmts(b, s.Body)
	case *syntax.RaiseStmt:
		if s.X != nil {
			r.expr(b, s.X)
		}
		if s.Cause != nil {
			r.expr(b, s.Cause)
		}
	case *syntax.ReturnStmt:
		if b.kind == moduleBlock || b.kind == classBlock {
			r.codegenErrorf(s.Return, "'return' outside function")
		} else if b.starDepth > 0 {
			pos := s.Return
			if lit, ok := s.Result.(*syntax.Literal); ok {
				pos = lit.Pos() // CPython places it on a constant return value
			}
			r.codegenErrorf(pos, "%s", exceptStarExit)
		}
		if s.Result != nil {
			r.loneStar(s.Result)
			r.expr(b, s.Result)
			b.returns = append(b.returns, s)
		}
	case *syntax.GlobalStmt:
		for _, id := range s.Names {
			r.declare(b, s.Global, id, true)
		}
	case *syntax.NonlocalStmt:
		if b.kind == moduleBlock {
			// CPython checks the order of uses first.
			for _, id := range s.Names {
				if r.checkDeclOrder(b, s.Nonlocal, id, "nonlocal") {
					return
				}
			}
			r.errorf(s.Nonlocal, "nonlocal declaration not allowed at module level")
			return
		}
		for _, id := range s.Names {
			r.declare(b, s.Nonlocal, id, false)
		}
	case *syntax.DelStmt:
		for _, t := range s.Targets {
			r.bindTarget(b, t)
		}
	case *syntax.AssertStmt:
		r.expr(b, s.Cond)
		if s.Msg != nil {
			r.expr(b, s.Msg)
		}
	case *syntax.ImportStmt:
		r.importStmt(b, s)
	case *syntax.FromImportStmt:
		r.fromImport(b, s)
	case *syntax.MatchStmt:
		r.matchStmt(b, s)
	case *syntax.PassStmt:
	case *syntax.BreakStmt:
		if b.loops == 0 {
			r.codegenErrorf(s.Break, "'break' outside loop")
		} else if b.starDepth > 0 && b.loops == b.starLoops {
			r.codegenErrorf(s.Break, "%s", exceptStarExit)
		}
	case *syntax.ContinueStmt:
		if b.loops == 0 {
			r.codegenErrorf(s.Continue, "'continue' not properly in loop")
		} else if b.starDepth > 0 && b.loops == b.starLoops {
			r.codegenErrorf(s.Continue, "%s", exceptStarExit)
		}
	default:
		panic(fmt.Sprintf("resolve: unexpected statement %T", s))
	}
}

// loneStar refuses a starred expression that is not inside a tuple or
// list: x = *a, return *a, for x in *a.
func (r *resolver) loneStar(x syntax.Expr) {
	if st, ok := x.(*syntax.StarredExpr); ok {
		r.codegenErrorf(st.OpPos, "can't use starred expression here")
	}
}

// starTarget refuses a starred assignment target outside a tuple or list,
// and more than one starred target in one tuple or list.
func (r *resolver) starTarget(x syntax.Expr) {
	switch x := x.(type) {
	case *syntax.StarredExpr:
		r.codegenErrorf(x.Pos(), "starred assignment target must be in a list or tuple")
	case *syntax.ParenExpr:
		r.starTarget(x.X)
	case *syntax.TupleExpr, *syntax.ListExpr:
		var list []syntax.Expr
		if t, ok := x.(*syntax.TupleExpr); ok {
			list = t.List
		} else {
			list = x.(*syntax.ListExpr).List
		}
		stars := 0
		for _, e := range list {
			if st, ok := e.(*syntax.StarredExpr); ok {
				stars++
				if stars == 2 {
					r.codegenErrorf(x.Pos(), "multiple starred expressions in assignment")
				}
				r.starTarget(st.X)
				continue
			}
			r.starTarget(e)
		}
	}
}

// requireAsync reports msg unless b is an async def.
func (r *resolver) requireAsync(b *block, pos syntax.Position, msg string) {
	if b.kind != defBlock || !b.async {
		if b.kind == compBlock {
			r.asyncInComp(b)
			return
		}
		r.codegenErrorf(pos, "%s", msg)
	}
}

// asyncInComp records await or async for inside comprehension b: b becomes
// asynchronous, which needs an async def around it unless b is a generator
// expression.
func (r *resolver) asyncInComp(b *block) {
	for c := b; ; c = c.parent {
		c.fn.Async = true
		if c.compKind == syntax.GeneratorComp {
			return
		}
		switch p := c.parent; p.kind {
		case compBlock:
			continue
		case defBlock:
			if p.async {
				return
			}
		}
		r.codegenErrorf(b.pos, "asynchronous comprehension outside of an asynchronous function")
		return
	}
}

// checkDeclOrder reports a global or nonlocal declaration (the statement
// at pos) that follows a use or binding of the name in the same scope.
func (r *resolver) checkDeclOrder(b *block, pos syntax.Position, id *syntax.Ident, word string) bool {
	name := id.Name
	if b.params[name] {
		r.errorf(pos, "name '%s' is parameter and %s", name, word)
		return true
	}
	// CPython's symtable checks in this order, whatever came first.
	switch seen := b.seen[name]; {
	case seen&used != 0:
		r.errorf(pos, "name '%s' is used prior to %s declaration", name, word)
		return true
	case seen&annotated != 0:
		r.errorf(pos, "annotated name '%s' can't be %s", name, word)
		return true
	case seen&assigned != 0:
		r.errorf(pos, "name '%s' is assigned to before %s declaration", name, word)
		return true
	}
	return false
}

func (r *resolver) declare(b *block, pos syntax.Position, id *syntax.Ident, global bool) {
	name := id.Name
	word := "nonlocal"
	if global {
		word = "global"
	}
	if r.checkDeclOrder(b, pos, id, word) {
		return
	}
	if global {
		if _, ok := b.nonlocals[name]; ok {
			r.errorf(pos, "name '%s' is nonlocal and global", name)
			return
		}
		if b.globals[name] == nil {
			b.globals[name] = id
		}
	} else {
		if _, ok := b.globals[name]; ok {
			r.errorf(pos, "name '%s' is nonlocal and global", name)
			return
		}
		if b.nonlocals[name] == nil {
			b.nonlocals[name] = id
			b.nonlocalPos[name] = pos
		}
	}
	id.Binding = nil
	b.uses = append(b.uses, id)
}

// use records a load of a name.
func (r *resolver) use(b *block, id *syntax.Ident) {
	b.seen[id.Name] |= used
	b.uses = append(b.uses, id)
}

// bind records a binding occurrence of a name.
func (r *resolver) bind(b *block, id *syntax.Ident) {
	r.bindAs(b, id, "")
}

// bindAs records a binding occurrence; module is the module an import
// binds, or "".
func (r *resolver) bindAs(b *block, id *syntax.Ident, module string) {
	name := id.Name
	if module == "" {
		// CPython's symtable records an import as DEF_IMPORT, which its
		// global/nonlocal order checks ignore.
		b.seen[name] |= assigned
	}
	b.uses = append(b.uses, id)
	if module == "" {
		b.otherBind[name] = true
	} else if old, ok := b.importMod[name]; !ok {
		b.importMod[name] = module
	} else if old != module {
		b.otherBind[name] = true
	}
	switch {
	case b.kind == moduleBlock || b.globals[name] != nil:
		if r.modBound[name] == nil {
			r.modBound[name] = id
		}
		if b.kind == moduleBlock {
			if _, ok := b.bound[name]; !ok {
				b.bound[name] = id
				b.boundOrder = append(b.boundOrder, name)
			}
		}
	case b.nonlocals[name] != nil:
	default:
		if _, ok := b.bound[name]; !ok {
			b.bound[name] = id
			b.boundOrder = append(b.boundOrder, name)
		}
	}
}

// bindTarget records the names bound by an assignment, for or del target,
// and the uses inside it (a.b = 1 uses a).
func (r *resolver) bindTarget(b *block, x syntax.Expr) {
	switch x := x.(type) {
	case *syntax.Ident:
		r.bind(b, x)
	case *syntax.TupleExpr:
		for _, e := range x.List {
			r.bindTarget(b, e)
		}
	case *syntax.ListExpr:
		for _, e := range x.List {
			r.bindTarget(b, e)
		}
	case *syntax.ParenExpr:
		r.bindTarget(b, x.X)
	case *syntax.StarredExpr:
		r.bindTarget(b, x.X)
	default:
		r.expr(b, x)
	}
}

func (r *resolver) params(b *block, outer *block, params []*syntax.Param) {
	// Defaults and annotations are evaluated in the enclosing scope.
	for _, p := range params {
		if p.Default != nil {
			r.expr(outer, p.Default)
		}
	}
	for _, p := range params {
		if p.Annotation != nil {
			r.annotation(outer, p.Annotation)
		}
	}
	for _, p := range params {
		if p.Name == nil {
			continue
		}
		name := p.Name.Name
		if b.params[name] {
			r.errorf(p.Name.NamePos, "duplicate argument '%s' in function definition", name)
			continue
		}
		b.params[name] = true
		r.bind(b, p.Name)
		bd := &Binding{Scope: Local, Index: len(b.fn.Locals), Name: name, First: p.Name}
		b.fn.Locals = append(b.fn.Locals, bd)
		b.resolved[name] = bd
		b.fn.NumParams++
	}
}

// annotation resolves an annotation and refuses one that could do more
// than name a type: CPython evaluates annotations, so one with effects
// (a call, an await) would behave differently if a compiler skipped it.
func (r *resolver) annotation(b *block, x syntax.Expr) {
	if bad := badAnnotation(x); bad != nil {
		r.subsetErrorf(bad.Pos(), "annotations other than type expressions are not supported in scenes (names, dotted names, subscripts, strings, and FastAPI's Depends(...), Query(...), Header(...), Cookie(...), Path(...))")
	}
	r.expr(b, x)
}

// fastapiMarkers are the calls an annotation may hold, inside Annotated.
var fastapiMarkers = map[string]bool{"Depends": true, "Query": true, "Header": true, "Cookie": true, "Path": true}

// badAnnotation returns the first part of an annotation that is not a
// type expression, or nil.
func badAnnotation(x syntax.Expr) syntax.Expr {
	switch x := x.(type) {
	case *syntax.Ident:
		return nil
	case *syntax.Literal:
		switch x.Token {
		case syntax.STRING, syntax.NONE, syntax.ELLIPSIS:
			return nil
		}
	case *syntax.DotExpr:
		return badAnnotation(x.X)
	case *syntax.IndexExpr:
		if bad := badAnnotation(x.X); bad != nil {
			return bad
		}
		return badAnnotation(x.Y)
	case *syntax.TupleExpr:
		for _, e := range x.List {
			if bad := badAnnotation(e); bad != nil {
				return bad
			}
		}
		return nil
	case *syntax.ListExpr:
		for _, e := range x.List {
			if bad := badAnnotation(e); bad != nil {
				return bad
			}
		}
		return nil
	case *syntax.ParenExpr:
		return badAnnotation(x.X)
	case *syntax.BinaryExpr:
		if x.Op != syntax.PIPE {
			return x
		}
		if bad := badAnnotation(x.X); bad != nil {
			return bad
		}
		return badAnnotation(x.Y)
	case *syntax.CallExpr:
		// Annotated[Session, Depends(get_db)], Annotated[str, Header()],
		// Annotated[str, Query(max_length=50)]: FastAPI's markers. Their
		// arguments are plain values (defaults, limits, aliases).
		if id, ok := x.Fn.(*syntax.Ident); ok && fastapiMarkers[id.Name] {
			for _, a := range x.Args {
				if kw, ok := a.(*syntax.KeywordArg); ok {
					a = kw.Value
				}
				if lit, ok := a.(*syntax.Literal); ok && lit.Token != syntax.FSTRING {
					continue
				}
				if bad := badAnnotation(a); bad != nil {
					return bad
				}
			}
			return nil
		}
	}
	return x
}

func (r *resolver) def(b *block, s *syntax.DefStmt) {
	for _, d := range s.Decorators {
		r.expr(b, d.X)
	}
	fn := &Function{Kind: DefFunc, Definition: s, Pos: s.Def, Name: s.Name.Name, Async: s.Async, Parent: b.fn}
	if s.Async {
		fn.Pos = s.AsyncPos
	}
	s.Function = fn
	inner := r.newBlock(b, fn, defBlock)
	inner.async = s.Async
	inner.pos = fn.Pos
	r.params(inner, b, s.Params)
	if s.Returns != nil {
		r.annotation(b, s.Returns)
	}
	r.bind(b, s.Name)
	r.stmts(inner, s.Body)
	if fn.Async && fn.Generator {
		for _, ret := range inner.returns {
			r.codegenErrorf(ret.Return, "'return' with value in async generator")
		}
	}
}

// class resolves a class statement: its decorators and bases in the
// enclosing scope, its body in a class scope.
func (r *resolver) class(b *block, s *syntax.ClassStmt) {
	for _, d := range s.Decorators {
		r.expr(b, d.X)
	}
	for _, base := range s.Bases {
		r.expr(b, base)
	}
	fn := &Function{Kind: ClassFunc, Definition: s, Pos: s.Class, Name: s.Name.Name, Parent: b.fn}
	s.Function = fn
	inner := r.newBlock(b, fn, classBlock)
	inner.pos = s.Class
	r.bind(b, s.Name)
	r.stmts(inner, s.Body)
}

func (r *resolver) exprs(b *block, list []syntax.Expr) {
	for _, x := range list {
		r.expr(b, x)
	}
}

func (r *resolver) expr(b *block, x syntax.Expr) {
	switch x := x.(type) {
	case *syntax.Ident:
		r.use(b, x)
		if x.Name == "super" && b.kind != moduleBlock && b.kind != classBlock && b.fn.ClassRef == nil {
			// CPython's symtable: a function that names super uses __class__.
			ref := &syntax.Ident{NamePos: x.NamePos, Name: "__class__"}
			b.fn.ClassRef = ref
			b.uses = append(b.uses, ref)
		}
	case *syntax.Literal:
	case *syntax.FString:
		r.fstring(b, x)
	case *syntax.CallExpr:
		r.expr(b, x.Fn)
		r.exprs(b, x.Args)
	case *syntax.KeywordArg:
		r.expr(b, x.Value)
	case *syntax.StarredExpr:
		r.expr(b, x.X)
	case *syntax.DotExpr:
		r.expr(b, x.X)
	case *syntax.IndexExpr:
		r.expr(b, x.X)
		r.expr(b, x.Y)
	case *syntax.SliceExpr:
		r.expr(b, x.X)
		for _, e := range []syntax.Expr{x.Lo, x.Hi, x.Step} {
			if e != nil {
				r.expr(b, e)
			}
		}
	case *syntax.CondExpr:
		r.expr(b, x.Cond)
		r.expr(b, x.True)
		r.expr(b, x.False)
	case *syntax.BinaryExpr:
		r.expr(b, x.X)
		r.expr(b, x.Y)
	case *syntax.BoolOpExpr:
		r.expr(b, x.X)
		r.expr(b, x.Y)
	case *syntax.UnaryExpr:
		r.expr(b, x.X)
	case *syntax.CompareExpr:
		r.expr(b, x.X)
		r.exprs(b, x.Ys)
	case *syntax.ParenExpr:
		r.expr(b, x.X)
	case *syntax.TupleExpr:
		r.exprs(b, x.List)
	case *syntax.ListExpr:
		r.exprs(b, x.List)
	case *syntax.DictExpr:
		r.exprs(b, x.List)
	case *syntax.DictEntry:
		r.expr(b, x.Key)
		r.expr(b, x.Value)
	case *syntax.SetExpr:
		r.exprs(b, x.List)
	case *syntax.Comprehension:
		r.comprehension(b, x)
	case *syntax.LambdaExpr:
		saveIter := r.compIter
		r.compIter = 0
		defer func() { r.compIter = saveIter }()
		fn := &Function{Kind: LambdaFunc, Definition: x, Pos: x.Lambda, Name: "<lambda>", Parent: b.fn}
		x.Function = fn
		inner := r.newBlock(b, fn, lambdaBlock)
		inner.pos = x.Lambda
		r.params(inner, b, x.Params)
		r.expr(inner, x.Body)
	case *syntax.NamedExpr:
		r.namedExpr(b, x)
	case *syntax.AwaitExpr:
		switch b.kind {
		case moduleBlock, classBlock:
			r.codegenErrorf(x.Await, "'await' outside function")
		case compBlock:
			r.asyncInComp(b)
		default:
			if !b.async {
				r.codegenErrorf(x.Await, "'await' outside async function")
			}
		}
		r.expr(b, x.X)
	case *syntax.YieldExpr:
		switch b.kind {
		case moduleBlock, classBlock:
			r.codegenErrorf(x.Yield, "'yield' outside function")
		case compBlock:
			r.errorf(x.Yield, "'yield' inside %s", compDesc[b.compKind])
		default:
			b.fn.Generator = true
			if x.From.IsValid() && b.async {
				r.codegenErrorf(x.Yield, "'yield from' inside async function")
			}
		}
		if x.Value != nil {
			r.loneStar(x.Value)
			r.expr(b, x.Value)
		}
	default:
		panic(fmt.Sprintf("resolve: unexpected expression %T", x))
	}
}

var compDesc = map[syntax.CompKind]string{
	syntax.ListComp:      "list comprehension",
	syntax.SetComp:       "set comprehension",
	syntax.DictComp:      "dict comprehension",
	syntax.GeneratorComp: "generator expression",
}

var compNames = map[syntax.CompKind]string{
	syntax.ListComp:      "<listcomp>",
	syntax.SetComp:       "<setcomp>",
	syntax.DictComp:      "<dictcomp>",
	syntax.GeneratorComp: "<genexpr>",
}

func (r *resolver) fstring(b *block, x *syntax.FString) {
	for _, part := range x.Parts {
		if part.Field != nil {
			r.expr(b, part.Field.X)
			if part.Field.Spec != nil {
				r.fstring(b, part.Field.Spec)
			}
		}
	}
}

func (r *resolver) comprehension(b *block, c *syntax.Comprehension) {
	first := c.Clauses[0].(*syntax.ForClause)
	// The first iterable is evaluated in the enclosing scope.
	r.compIter++
	r.expr(b, first.X)
	r.compIter--
	fn := &Function{Kind: ComprehensionFunc, Definition: c, Pos: c.Lbrack, Name: compNames[c.Kind], Parent: b.fn,
		Generator: c.Kind == syntax.GeneratorComp}
	c.Function = fn
	inner := r.newBlock(b, fn, compBlock)
	inner.compKind = c.Kind
	inner.pos = c.Lbrack
	for i, cl := range c.Clauses {
		switch cl := cl.(type) {
		case *syntax.ForClause:
			if cl.Async {
				r.asyncInComp(inner)
			}
			if i > 0 {
				r.compIter++
				r.expr(inner, cl.X)
				r.compIter--
			}
			r.starTarget(cl.Vars)
			r.bindTarget(inner, cl.Vars)
		case *syntax.IfClause:
			r.expr(inner, cl.Cond)
		}
	}
	r.expr(inner, c.Body)
}

// ---- imports ----

// importable returns the registered module called path, or nil (refusing
// it at pos) when scenes cannot import it.
func (r *resolver) importable(pos syntax.Position, path string) *modules.Spec {
	spec := modules.Lookup(path)
	switch {
	case spec == nil:
		r.subsetErrorf(pos, "module '%s' is not supported in scenes (supported: %s)%s", path, modules.Supported(),
			didYouMean(modules.Importable(), path))
		return nil
	case spec.Refused != "":
		r.subsetErrorf(pos, "module '%s' is not available in scenes: %s", path, spec.Refused)
		return nil
	}
	return spec
}

// didYouMean is CPython's ". Did you mean: 'x'?" for the name closest to
// name among names, or "". It asks for a closer match than CPython does
// (two edits at most): a name that CPython has and scenes do not
// (random.betavariate) should not look like a typo.
func didYouMean(names []string, name string) string {
	if s := suggest.Closest(names, name); s != "" && suggest.Distance(s, name) <= 4 {
		return ". Did you mean: '" + s + "'?"
	}
	return ""
}

// member reports whether scenes may use mod.name, refusing it at pos if not.
func (r *resolver) member(pos syntax.Position, mod *modules.Spec, name string) bool {
	m := mod.Member(name)
	switch {
	case m == nil && name == "__name__":
		return true // every module has its name
	case m == nil:
		var names []string
		for _, m := range mod.Members {
			if m.Refused == "" {
				names = append(names, m.Name)
			}
		}
		r.subsetErrorf(pos, "%s.%s is not supported in scenes%s", mod.Name, name, didYouMean(names, name))
		return false
	case m.Refused != "":
		r.subsetErrorf(pos, "%s.%s is not available in scenes: %s", mod.Name, name, m.Refused)
		return false
	}
	return true
}

func pathString(path []*syntax.Ident) string {
	var names []string
	for _, id := range path {
		names = append(names, id.Name)
	}
	return strings.Join(names, ".")
}

func (r *resolver) importStmt(b *block, s *syntax.ImportStmt) {
	for _, n := range s.Names {
		path := pathString(n.Path)
		spec := r.importable(n.Path[0].NamePos, path)
		if spec == nil {
			continue
		}
		if spec.Package {
			r.subsetErrorf(n.Path[0].NamePos, "import %s alone gives nothing to use: import its modules (%s)", path, submodules(spec))
			continue
		}
		if n.AsName != nil {
			r.bindAs(b, n.AsName, path)
		} else {
			r.bindAs(b, n.Path[0], n.Path[0].Name)
		}
	}
}

// submodules lists a package's modules, for messages.
func submodules(spec *modules.Spec) string {
	var names []string
	for _, m := range spec.Members {
		names = append(names, "import "+spec.Name+"."+m.Name)
	}
	return strings.Join(names, ", ")
}

func (r *resolver) fromImport(b *block, s *syntax.FromImportStmt) {
	path := pathString(s.Module)
	spec := r.importable(s.Module[0].NamePos, path)
	if spec == nil {
		return
	}
	for _, n := range s.Names {
		name := n.Path[0]
		if !r.member(name.NamePos, spec, name.Name) {
			continue
		}
		target := name
		if n.AsName != nil {
			target = n.AsName
		}
		if sub := path + "." + name.Name; modules.Lookup(sub) != nil {
			r.bindAs(b, target, sub)
		} else {
			r.bind(b, target)
		}
	}
}

// ---- phase 2: resolve every use ----

func (r *resolver) resolveBlock(b *block) {
	// Locals in order of first binding (parameters already placed).
	if b.kind == classBlock {
		for _, name := range b.boundOrder {
			if b.globals[name] != nil || b.nonlocals[name] != nil {
				continue
			}
			b.resolved[name] = &Binding{Scope: ClassLocal, Name: name, First: b.bound[name]}
		}
		for name := range b.nonlocals {
			if r.lookup(b, name).Scope != Free {
				r.analysisErrorf(b.nonlocalPos[name], "no binding for nonlocal '%s' found", name)
			}
		}
	} else if b.kind != moduleBlock {
		for _, name := range b.boundOrder {
			if b.resolved[name] != nil || b.globals[name] != nil || b.nonlocals[name] != nil {
				continue
			}
			bd := &Binding{Scope: Local, Index: len(b.fn.Locals), Name: name, First: b.bound[name]}
			b.fn.Locals = append(b.fn.Locals, bd)
			b.resolved[name] = bd
		}
		for name := range b.nonlocals {
			// a comprehension's nonlocals come from := targets: the enclosing
			// function's own declaration is the one to report
			if r.lookup(b, name).Scope != Free && b.kind != compBlock {
				r.analysisErrorf(b.nonlocalPos[name], "no binding for nonlocal '%s' found", name)
			}
		}
	} else {
		for _, name := range b.boundOrder {
			r.global(name)
		}
	}
	for _, id := range b.uses {
		id.Binding = r.lookup(b, id.Name)
	}
	for _, c := range b.children {
		r.resolveBlock(c)
	}
}

// lookup returns the binding of name as seen from block b.
func (r *resolver) lookup(b *block, name string) *Binding {
	if bd := b.resolved[name]; bd != nil {
		return bd
	}
	var bd *Binding
	switch {
	case b.kind == moduleBlock, b.globals[name] != nil:
		bd = r.global(name)
	case b.nonlocals[name] != nil:
		bd = r.free(b, name)
		if bd == nil || bd.Scope == Global {
			// reported by resolveBlock; keep the tree consistent
			bd = r.global(name)
		}
	case b.bound[name] != nil:
		bd = &Binding{Scope: Local, Index: len(b.fn.Locals), Name: name, First: b.bound[name]}
		b.fn.Locals = append(b.fn.Locals, bd)
	case b.kind == classBlock:
		bd = r.classFree(b, name)
		if bd == nil {
			bd = r.global(name)
		}
	default:
		bd = r.free(b, name)
		if bd == nil {
			bd = r.global(name)
		}
	}
	b.resolved[name] = bd
	return bd
}

// classFree returns the binding a class body b has for a variable of an
// enclosing function (Free), for its own uses and to pass it on to the
// functions nested in it; a Global binding if an enclosing function
// declares it global; nil if no enclosing function binds it.
func (r *resolver) classFree(b *block, name string) *Binding {
	if bd := b.passFree[name]; bd != nil {
		return bd
	}
	bd := r.free(b, name)
	if bd == nil || bd.Scope != Free {
		return bd
	}
	if b.passFree == nil {
		b.passFree = make(map[string]*Binding)
	}
	b.passFree[name] = bd
	return bd
}

// classCell returns the implicit __class__ cell of class body b.
func (r *resolver) classCell(b *block) *Binding {
	if b.fn.ClassCell == nil {
		b.fn.ClassCell = &Binding{Scope: Cell, Index: len(b.fn.Locals), Name: "__class__"}
		b.fn.Locals = append(b.fn.Locals, b.fn.ClassCell)
	}
	return b.fn.ClassCell
}

// free returns a Free binding in b for a name bound by an enclosing
// function, a Global binding if an enclosing function declares it global,
// or nil if no enclosing function knows the name.
func (r *resolver) free(b *block, name string) *Binding {
	p := b.parent
	if p == nil || p.kind == moduleBlock {
		return nil
	}
	var outer *Binding
	switch {
	case p.kind == classBlock:
		// The names of a class body are not visible in the functions
		// nested in it; its __class__ cell is.
		if name == "__class__" {
			outer = r.classCell(p)
			break
		}
		outer = r.classFree(p, name)
		if outer == nil {
			return nil
		}
	case p.globals[name] != nil:
		return r.lookup(p, name)
	case p.nonlocals[name] != nil, p.bound[name] != nil:
		outer = r.lookup(p, name)
	default:
		if p.resolved[name] != nil {
			outer = p.resolved[name]
		} else {
			outer = r.free(p, name)
			if outer == nil {
				return nil
			}
			p.resolved[name] = outer
		}
	}
	switch outer.Scope {
	case Local:
		outer.Scope = Cell
	case Cell, Free:
	default:
		return outer
	}
	bd := &Binding{Scope: Free, Index: len(b.fn.FreeVars), Name: name, First: outer.First, Outer: outer}
	b.fn.FreeVars = append(b.fn.FreeVars, outer)
	return bd
}

// global returns the module-level binding of name: a Global if the module
// binds it anywhere, else a Universal if it is a builtin, else a Global
// that is never bound.
func (r *resolver) global(name string) *Binding {
	if bd := r.globals[name]; bd != nil {
		return bd
	}
	if bd := r.univ[name]; bd != nil {
		return bd
	}
	if r.modBound[name] == nil {
		if i, ok := builtinIndex[name]; ok {
			bd := &Binding{Scope: Universal, Index: i, Name: name}
			r.univ[name] = bd
			return bd
		}
	}
	bd := &Binding{Scope: Global, Index: len(r.module.Globals), Name: name, First: r.modBound[name]}
	r.module.Globals = append(r.module.Globals, bd)
	r.globals[name] = bd
	return bd
}

// ---- phase 3: module bindings and static checks of calls and attributes ----

func (r *resolver) finish(f *syntax.File) {
	r.setModules(r.top)
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.CallExpr:
			if id, ok := n.Fn.(*syntax.Ident); ok && unsupportedBuiltin[id.Name] {
				if bd, ok := id.Binding.(*Binding); ok && bd.Scope == Global && bd.First == nil {
					if why := RefusedBuiltins[id.Name]; why != "" {
						r.subsetErrorf(id.NamePos, "%s() is not available in scenes: %s", id.Name, why)
					} else {
						r.subsetErrorf(id.NamePos, "%s() is not supported in scenes", id.Name)
					}
				}
			}
		case *syntax.DotExpr:
			if mod := moduleOf(n.X); mod != "" && !r.member(n.Name.NamePos, modules.Lookup(mod), n.Name.Name) {
				return false
			}
		}
		return true
	})
}

// setModules marks the bindings of names bound only by imports.
func (r *resolver) setModules(b *block) {
	for name, mod := range b.importMod {
		if b.otherBind[name] {
			continue
		}
		var bd *Binding
		if b.kind == moduleBlock || b.globals[name] != nil {
			bd = r.globals[name]
			if bd != nil && r.otherModuleBinding(name, mod) {
				continue
			}
		} else {
			bd = b.resolved[name]
		}
		if bd != nil {
			bd.Module = mod
		}
	}
	for _, c := range b.children {
		r.setModules(c)
	}
}

// otherModuleBinding reports whether some block binds the global name in
// a way other than importing mod.
func (r *resolver) otherModuleBinding(name, mod string) bool {
	var found bool
	var visit func(b *block)
	visit = func(b *block) {
		if b.kind == moduleBlock || b.globals[name] != nil {
			if b.otherBind[name] {
				found = true
			}
			if m, ok := b.importMod[name]; ok && m != mod {
				found = true
			}
		}
		for _, c := range b.children {
			visit(c)
		}
	}
	visit(r.top)
	return found
}

// moduleOf returns the module an expression statically denotes, or "".
func moduleOf(x syntax.Expr) string {
	switch x := x.(type) {
	case *syntax.Ident:
		if bd, ok := x.Binding.(*Binding); ok {
			return bd.Module
		}
	case *syntax.DotExpr:
		// a submodule: concurrent.futures
		if mod := moduleOf(x.X); mod != "" && modules.Lookup(mod+"."+x.Name.Name) != nil {
			return mod + "." + x.Name.Name
		}
	case *syntax.ParenExpr:
		return moduleOf(x.X)
	}
	return ""
}
