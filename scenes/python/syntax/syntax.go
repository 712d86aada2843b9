// Package syntax provides a scanner, a parser and an abstract syntax tree
// for the subset of Python that loopscope scenes are written in (see
// LANGUAGE.md). Its shape follows go.starlark.net/syntax: one node type per
// grammar production, every node knowing its start (Pos) and end (End), and
// a single exported entry, Parse, that returns either a *File or an *Error.
//
// Positions are 1-based lines and 1-based columns; a column counts
// characters (runes), not bytes, so it equals CPython's col_offset+1 for
// ASCII and non-ASCII source alike.
//
// Python outside the subset (match, walrus, yield from, ...) is refused by the parser with a sentence
// at the construct's position; nothing is silently dropped. Errors that
// CPython raises only in its compiler ('return' outside a function, a lone
// starred expression such as x = *a, break outside a loop, ...) are left
// to package resolve, so a tree from Parse may still hold them: always run
// resolve.File before compiling.
//
// Representation notes for the compiler:
//
//   - Strings. Adjacent string literals are joined: "a" 'b' is one *Literal.
//     If any piece is an f-string the whole run is one *FString whose Parts
//     alternate literal text and *FStringField. A field {x!r:>{w}} has X = x,
//     Conversion = 'r' and Spec = an *FString holding ">" and the nested
//     field {w}. {x=} sets Debug to the text "x=" (with its spaces) and, as
//     CPython does, the runtime must default the conversion to 'r' when
//     neither a conversion nor a spec is given.
//   - Bytes literals are *Literal with Token BYTES; Value is a string of the
//     raw byte values.
//   - Numbers. INT literals carry Value int64 when they fit and *big.Int
//     otherwise (underscores and 0x/0o/0b prefixes are decoded); Raw keeps
//     the source text. FLOAT literals carry float64.
//   - True, False, None and ... are *Literal with Token TRUE, FALSE, NONE and
//     ELLIPSIS (Value true, false, nil, nil).
//   - Comprehensions. [e for ...], {e for ...}, {k: v for ...} and (e for
//     ...) are all *Comprehension, told apart by Kind; for a dict
//     comprehension Body is a *DictEntry. A bare generator argument, as in
//     sum(x for x in xs), is a *Comprehension of Kind GeneratorComp that is
//     the call's only element of Args, its Lbrack/Rbrack being the call's
//     parentheses (as in CPython's AST). Clauses are *ForClause and
//     *IfClause in source order. In Python 3 a comprehension is its own
//     function scope (the resolver gives it a Function), except that the
//     first ForClause's X is evaluated in the enclosing scope.
//   - Calls. CallExpr.Args holds, in source order, positional arguments,
//     *StarredExpr (Op STAR for *xs, STARSTAR for **kw) and *KeywordArg.
//   - Parameters (def and lambda) are []*Param in source order. Kind tells
//     positional-only (before '/'), ordinary, *args (VarArgs; Name nil for a
//     bare '*' that only starts keyword-only parameters), keyword-only (after
//     '*' or *args) and **kwargs. Default and Annotation are nil when absent.
//     Defaults are evaluated once, when the def statement runs, in the
//     enclosing scope. Annotations (parameters, returns, x: T = v) are kept
//     in the tree. CPython evaluates parameter and return annotations when
//     the def runs, and module-level x: T when it runs (a local's
//     annotation never), so for those the resolver admits only type
//     expressions without effects (names, dotted names, subscripts,
//     strings, X | Y, Depends(...)) and resolves their names like any use:
//     a compiler may skip them, or load and discard them to raise CPython's
//     NameError for an undefined name.
//   - Decorators. DefStmt.Decorators and ClassStmt.Decorators hold the
//     decorator expressions in source order (outermost first).
//   - Classes. ClassStmt.Bases holds what is between the parentheses as a
//     call's arguments (bases, *StarredExpr, *KeywordArg for metaclass=).
//   - async. DefStmt.Async marks async def, ForStmt.Async async for,
//     WithStmt.Async async with, ForClause.Async "async for" inside a
//     comprehension.
//   - Chained comparisons a < b <= c are one *CompareExpr with X = a,
//     Ops = [<, <=] and Ys = [b, c]; "not in" and "is not" are the single
//     tokens NOT_IN and IS_NOT. and/or are *BoolOpExpr, left-associative
//     (a or b or c is (a or b) or c), which evaluates the same way.
//   - if/elif/else: an elif is an *IfStmt alone in the enclosing IfStmt's
//     False list, with ElsePos pointing at the elif keyword.
//   - Assignment. a = b = v is one *AssignStmt with Targets [a, b]. Targets
//     may be *Ident, *DotExpr, *IndexExpr, *SliceExpr, *TupleExpr, *ListExpr,
//     *ParenExpr and *StarredExpr (one per sequence). x: T = v is an
//     *AnnAssignStmt (Value nil for a bare x: T); only a name may be
//     annotated.
//   - Parentheses are kept as *ParenExpr so that positions are exact; a
//     compiler simply evaluates X. A parenthesised tuple is a *TupleExpr
//     with Lparen set (not wrapped in a ParenExpr).
//   - Subscripts: a[i] is *IndexExpr, a[lo:hi:step] is *SliceExpr (any of
//     Lo, Hi, Step may be nil), a[i, j] is an *IndexExpr whose Y is a
//     *TupleExpr, and so is a[*b] (Y a one-element *TupleExpr).
//   - The resolver fills Ident.Binding, DefStmt.Function,
//     LambdaExpr.Function, Comprehension.Function and File.Module; their
//     types live in package resolve (interface{} here to keep imports one
//     way).
package syntax

// Position is a place in a scene file: 1-based line, 1-based column counted
// in characters (runes). The zero Position means "unknown".
type Position struct {
	Line int32 // 1-based line
	Col  int32 // 1-based column, in runes
}

// IsValid reports whether the position is known.
func (p Position) IsValid() bool { return p.Line > 0 }

// Before reports whether p comes before q.
func (p Position) Before(q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// add returns the position n columns to the right of p.
func (p Position) add(n int) Position {
	return Position{p.Line, p.Col + int32(n)}
}

// A Node is a node of the syntax tree.
type Node interface {
	// Pos returns the position of the node's first character.
	Pos() Position
	// End returns the position just after the node's last character.
	End() Position
}

// An Expr is an expression node.
type Expr interface {
	Node
	expr()
}

// A Stmt is a statement node.
type Stmt interface {
	Node
	stmt()
}

// File is a parsed scene file.
type File struct {
	Path  string // file name as given to Parse
	Stmts []Stmt // top-level statements

	// Module is set by the resolver to a *resolve.Module.
	Module interface{}
}

// Pos returns the start of the first statement (or 1:1 for an empty file).
func (f *File) Pos() Position {
	if len(f.Stmts) > 0 {
		return f.Stmts[0].Pos()
	}
	return Position{1, 1}
}

// End returns the end of the last statement.
func (f *File) End() Position {
	if len(f.Stmts) > 0 {
		return f.Stmts[len(f.Stmts)-1].End()
	}
	return Position{1, 1}
}

// ---- statements ----

// ExprStmt is an expression evaluated for its effect: f(x), await t.
type ExprStmt struct {
	X Expr
}

// AssignStmt is Targets[0] = Targets[1] = ... = Value.
type AssignStmt struct {
	Targets []Expr     // one or more targets, left to right
	EqPos   []Position // position of each '=' (len(EqPos) == len(Targets))
	Value   Expr       // right-hand side (may be an unparenthesised *TupleExpr or a *YieldExpr)
}

// AugAssignStmt is Target Op= Value, e.g. n += 1.
type AugAssignStmt struct {
	Target Expr     // *Ident, *DotExpr, *IndexExpr or *SliceExpr
	OpPos  Position // position of the operator
	Op     Token    // PLUS_EQ, MINUS_EQ, STAR_EQ, ...
	Value  Expr
}

// AnnAssignStmt is an annotated assignment, Target: Annotation [= Value].
type AnnAssignStmt struct {
	Target     *Ident   // only a plain name may be annotated in scenes
	Colon      Position // position of ':'
	Annotation Expr
	Value      Expr // nil for a bare declaration x: int
}

// DefStmt is a function definition: [decorators] [async] def Name(Params) [-> Returns]: Body.
type DefStmt struct {
	Decorators []*Decorator // in source order (outermost first)
	Async      bool         // async def
	AsyncPos   Position     // position of 'async' (zero unless Async)
	Def        Position     // position of 'def'
	Name       *Ident
	Lparen     Position
	Params     []*Param
	Rparen     Position
	Returns    Expr // return annotation, or nil
	Body       []Stmt

	// Function is set by the resolver to a *resolve.Function.
	Function interface{}
}

// Decorator is @X on the line before a def.
type Decorator struct {
	At Position // position of '@'
	X  Expr     // the decorator expression, a *CallExpr on a *DotExpr in scenes
}

// Pos returns the position of '@'.
func (d *Decorator) Pos() Position { return d.At }

// End returns the end of the decorator expression.
func (d *Decorator) End() Position { return d.X.End() }

// ParamKind tells what kind of parameter a Param is.
type ParamKind uint8

// The kinds of parameter, in the order Python requires them.
const (
	PosOnlyParam ParamKind = iota // before a '/' marker
	NormalParam                   // positional or keyword
	VarArgsParam                  // *args (Name nil for a bare '*')
	KwOnlyParam                   // after '*' or *args
	VarKwParam                    // **kwargs
)

var paramKindNames = [...]string{"posonly", "param", "*args", "kwonly", "**kwargs"}

// String returns a short name for the kind.
func (k ParamKind) String() string { return paramKindNames[k] }

// Param is one parameter of a def or lambda.
type Param struct {
	Kind       ParamKind
	Star       Position // position of '*' or '**' (zero for other kinds)
	Name       *Ident   // nil only for a bare '*'
	Annotation Expr     // nil if none (lambdas never have one)
	Default    Expr     // nil if none
}

// Pos returns the start of the parameter.
func (p *Param) Pos() Position {
	if p.Star.IsValid() {
		return p.Star
	}
	return p.Name.Pos()
}

// End returns the end of the parameter.
func (p *Param) End() Position {
	switch {
	case p.Default != nil:
		return p.Default.End()
	case p.Annotation != nil:
		return p.Annotation.End()
	case p.Name != nil:
		return p.Name.End()
	}
	return p.Star.add(1)
}

// IfStmt is if Cond: True [else: False]. An elif is a lone *IfStmt in False.
type IfStmt struct {
	If      Position // position of 'if' or 'elif'
	Cond    Expr
	True    []Stmt
	ElsePos Position // position of 'else' or 'elif' (zero if absent)
	False   []Stmt   // nil if absent
}

// WhileStmt is while Cond: Body [else: Else].
type WhileStmt struct {
	While   Position
	Cond    Expr
	Body    []Stmt
	ElsePos Position // zero if no else clause
	Else    []Stmt
}

// ForStmt is [async] for Vars in X: Body [else: Else].
type ForStmt struct {
	Async    bool
	AsyncPos Position // zero unless Async
	For      Position
	Vars     Expr // loop target: *Ident, *TupleExpr, ...
	X        Expr // iterable
	Body     []Stmt
	ElsePos  Position
	Else     []Stmt
}

// TryStmt is try: Body, except clauses, optional else and finally.
type TryStmt struct {
	Try        Position
	Body       []Stmt
	Handlers   []*ExceptClause
	ElsePos    Position // zero if no else
	Else       []Stmt
	FinallyPos Position // zero if no finally
	Finally    []Stmt
}

// ExceptClause is except [Type [as Name]]: Body.
type ExceptClause struct {
	Except Position
	Star   Position // the '*' of except*; invalid for a plain except
	Type   Expr     // nil for a bare except; a *TupleExpr for except (A, B)
	Name   *Ident   // nil unless "as name"
	Body   []Stmt
}

// Pos returns the position of 'except'.
func (c *ExceptClause) Pos() Position { return c.Except }

// End returns the end of the clause body.
func (c *ExceptClause) End() Position { return stmtsEnd(c.Body, c.Except) }

// WithStmt is [async] with Items: Body.
type WithStmt struct {
	Async    bool
	AsyncPos Position // zero unless Async
	With     Position
	Items    []*WithItem
	Body     []Stmt
}

// WithItem is one "expr [as target]" of a with statement.
type WithItem struct {
	X      Expr
	Target Expr // nil if no "as"
}

// Pos returns the start of the context expression.
func (w *WithItem) Pos() Position { return w.X.Pos() }

// End returns the end of the item.
func (w *WithItem) End() Position {
	if w.Target != nil {
		return w.Target.End()
	}
	return w.X.End()
}

// RaiseStmt is raise [X [from Cause]].
type RaiseStmt struct {
	Raise Position
	X     Expr // nil for a bare raise
	Cause Expr // nil unless "from"
}

// ReturnStmt is return [Result].
type ReturnStmt struct {
	Return Position
	Result Expr // nil for a bare return
}

// GlobalStmt is global a, b.
type GlobalStmt struct {
	Global Position
	Names  []*Ident
}

// NonlocalStmt is nonlocal a, b.
type NonlocalStmt struct {
	Nonlocal Position
	Names    []*Ident
}

// DelStmt is del a, b[i], c.x.
type DelStmt struct {
	Del     Position
	Targets []Expr
}

// AssertStmt is assert Cond [, Msg].
type AssertStmt struct {
	Assert Position
	Cond   Expr
	Msg    Expr // nil if absent
}

// ImportStmt is import A.B [as C], D.
type ImportStmt struct {
	Import Position
	Names  []*ImportName
}

// FromImportStmt is from A.B import x [as y], z.
type FromImportStmt struct {
	From   Position
	Module []*Ident // dotted module path
	Import Position // position of 'import'
	Names  []*ImportName
	Rparen Position // position of ')' when the names are parenthesised
}

// ImportName is one imported name: Path [as AsName]. In an ImportStmt Path
// may be dotted (concurrent.futures); in a FromImportStmt it has one element.
type ImportName struct {
	Path   []*Ident
	AsName *Ident // nil if no "as"
}

// Pos returns the start of the dotted path.
func (n *ImportName) Pos() Position { return n.Path[0].Pos() }

// End returns the end of the name.
func (n *ImportName) End() Position {
	if n.AsName != nil {
		return n.AsName.End()
	}
	return n.Path[len(n.Path)-1].End()
}

// PassStmt is pass.
type PassStmt struct{ Pass Position }

// BreakStmt is break.
type BreakStmt struct{ Break Position }

// ContinueStmt is continue.
type ContinueStmt struct{ Continue Position }

// ---- expressions ----

// Ident is a name.
type Ident struct {
	NamePos Position
	Name    string
	// NameEnd is where the name ends in the source when it was spelled
	// otherwise (NFKC-normalised, "ﬁle" for file); zero when Name is
	// what the source says.
	NameEnd Position

	// Binding is set by the resolver to a *resolve.Binding.
	Binding interface{}
}

// Literal is a number, string, bytes, True, False, None or ... constant.
type Literal struct {
	Token    Token    // INT, FLOAT, STRING, BYTES, TRUE, FALSE, NONE, ELLIPSIS
	TokenPos Position // start of the first piece
	EndPos   Position // end of the last piece
	Raw      string   // source text of the first piece
	// Value is int64 or *big.Int for INT, float64 for FLOAT, string for
	// STRING and BYTES, bool for TRUE/FALSE, nil for NONE and ELLIPSIS.
	Value interface{}
}

// FString is an f-string (possibly joined with adjacent plain strings), or
// the format spec of a replacement field.
type FString struct {
	Start  Position // start of the first piece
	Parts  []FStringPart
	EndPos Position // end of the last piece
}

// FStringPart is either literal text (Field nil) or a replacement field.
type FStringPart struct {
	Lit   string
	Field *FStringField
}

// FStringField is a {X[=][!c][:spec]} replacement field of an f-string.
type FStringField struct {
	Lbrace     Position
	X          Expr
	Debug      string   // "x=" text for {x=}, else ""
	Conversion rune     // 0, 's', 'r' or 'a'
	Spec       *FString // format spec, nil if none; may contain nested fields
	Rbrace     Position
}

// CallExpr is Fn(Args).
type CallExpr struct {
	Fn     Expr
	Lparen Position
	Args   []Expr // positional exprs, *StarredExpr, *KeywordArg, or one *Comprehension of kind GeneratorComp
	Rparen Position
}

// KeywordArg is Name=Value in a call.
type KeywordArg struct {
	Name  *Ident
	Value Expr
}

// StarredExpr is *X (Op STAR) or **X (Op STARSTAR) in calls, literals and
// assignment targets.
type StarredExpr struct {
	OpPos Position
	Op    Token // STAR or STARSTAR
	X     Expr
}

// DotExpr is X.Name.
type DotExpr struct {
	X    Expr
	Dot  Position
	Name *Ident
}

// IndexExpr is X[Y].
type IndexExpr struct {
	X      Expr
	Lbrack Position
	Y      Expr
	Rbrack Position
}

// SliceExpr is X[Lo:Hi:Step].
type SliceExpr struct {
	X            Expr
	Lbrack       Position
	Lo, Hi, Step Expr // each nil when omitted
	Rbrack       Position
}

// CondExpr is True if Cond else False.
type CondExpr struct {
	True    Expr
	If      Position
	Cond    Expr
	ElsePos Position
	False   Expr
}

// BinaryExpr is X Op Y for arithmetic and bitwise operators
// (PLUS MINUS STAR SLASH SLASHSLASH PERCENT STARSTAR AT AMP PIPE CIRCUMFLEX
// LTLT GTGT).
type BinaryExpr struct {
	X     Expr
	OpPos Position
	Op    Token
	Y     Expr
}

// BoolOpExpr is X and Y, X or Y (Op AND or OR).
type BoolOpExpr struct {
	X     Expr
	OpPos Position
	Op    Token
	Y     Expr
}

// UnaryExpr is Op X for MINUS, PLUS, TILDE and NOT.
type UnaryExpr struct {
	OpPos Position
	Op    Token
	X     Expr
}

// CompareExpr is a possibly chained comparison X Ops[0] Ys[0] Ops[1] Ys[1] ...
type CompareExpr struct {
	X   Expr
	Ops []CompareOp
	Ys  []Expr
}

// CompareOp is one comparison operator of a CompareExpr:
// LT GT LE GE EQL NEQ IN NOT_IN IS IS_NOT.
type CompareOp struct {
	OpPos Position
	Op    Token
}

// ParenExpr is (X).
type ParenExpr struct {
	Lparen Position
	X      Expr
	Rparen Position
}

// TupleExpr is a tuple display, parenthesised (Lparen valid) or not.
type TupleExpr struct {
	Lparen Position // zero if not parenthesised
	List   []Expr
	Rparen Position
}

// ListExpr is [a, b, *c].
type ListExpr struct {
	Lbrack Position
	List   []Expr
	Rbrack Position
}

// DictExpr is {k: v, **m}.
type DictExpr struct {
	Lbrace Position
	List   []Expr // *DictEntry or *StarredExpr with Op STARSTAR
	Rbrace Position
}

// DictEntry is Key: Value in a dict display or dict comprehension.
type DictEntry struct {
	Key   Expr
	Colon Position
	Value Expr
}

// SetExpr is {a, b, *c}.
type SetExpr struct {
	Lbrace Position
	List   []Expr
	Rbrace Position
}

// CompKind tells which kind of comprehension a Comprehension is.
type CompKind uint8

// The kinds of comprehension.
const (
	ListComp      CompKind = iota // [e for ...]
	SetComp                       // {e for ...}
	DictComp                      // {k: v for ...}
	GeneratorComp                 // (e for ...)
)

var compKindNames = [...]string{"list", "set", "dict", "generator"}

// String returns a short name for the kind.
func (k CompKind) String() string { return compKindNames[k] }

// Comprehension is a list, set, dict comprehension or generator expression.
type Comprehension struct {
	Kind    CompKind
	Lbrack  Position // '[', '{' or '(' (the call's '(' for a bare generator argument)
	Body    Expr     // element; a *DictEntry for DictComp
	Clauses []Node   // *ForClause and *IfClause; the first is a *ForClause
	Rbrack  Position // closing bracket (the call's ')' for a bare generator argument)

	// Function is set by the resolver to a *resolve.Function.
	Function interface{}
}

// ForClause is [async] for Vars in X inside a comprehension.
type ForClause struct {
	Async    bool
	AsyncPos Position
	For      Position
	Vars     Expr
	In       Position
	X        Expr
}

// Pos returns the position of 'for' (or 'async').
func (c *ForClause) Pos() Position {
	if c.Async {
		return c.AsyncPos
	}
	return c.For
}

// End returns the end of the iterable.
func (c *ForClause) End() Position { return c.X.End() }

// IfClause is if Cond inside a comprehension.
type IfClause struct {
	If   Position
	Cond Expr
}

// Pos returns the position of 'if'.
func (c *IfClause) Pos() Position { return c.If }

// End returns the end of the condition.
func (c *IfClause) End() Position { return c.Cond.End() }

// LambdaExpr is lambda Params: Body.
type LambdaExpr struct {
	Lambda Position
	Params []*Param
	Body   Expr

	// Function is set by the resolver to a *resolve.Function.
	Function interface{}
}

// AwaitExpr is await X.
type AwaitExpr struct {
	Await Position
	X     Expr
}

// NamedExpr is the assignment expression Target := Value (the walrus).
type NamedExpr struct {
	Target  *Ident
	ColonEq Position
	Value   Expr
}

// YieldExpr is yield [Value], or yield from Value when From is valid.
type YieldExpr struct {
	Yield Position
	From  Position // the "from" of yield from; invalid for a plain yield
	Value Expr     // nil for a bare yield; may be an unparenthesised *TupleExpr
}
