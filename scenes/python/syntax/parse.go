package syntax

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Parse parses a scene file. On success it returns the file's syntax tree;
// otherwise it returns a *Error for the first problem found, either a
// syntax error (worded as CPython words it, where CPython has a message) or
// a construct outside the scene subset.
func Parse(filename string, src []byte) (f *File, err error) {
	var p *parser
	defer func() {
		if r := recover(); r != nil {
			if b, ok := r.(bailout); ok {
				f, err = nil, b.err
				// As CPython does, a tokenizer error later in the file
				// (an unclosed bracket, an unterminated string) takes
				// precedence over a parser error.
				if !b.scanner && p != nil {
					if e := p.scanRest(b.line); e != nil {
						err = e
					}
				}
				return
			}
			f, err = nil, &Error{File: filename, Pos: Position{1, 1}, Msg: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		src = src[3:] // UTF-8 byte order mark
	}
	if err := checkSource(filename, src); err != nil {
		return nil, err
	}
	p = newParser(filename, src, Position{1, 1}, false)
	f = &File{Path: filename}
	for p.tok.kind != EOF {
		f.Stmts = p.parseStmt(f.Stmts)
	}
	return f, nil
}

// ParseExpr parses a single expression, as in an f-string field or a test.
func ParseExpr(filename string, src []byte) (x Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			if b, ok := r.(bailout); ok {
				x, err = nil, b.err
				return
			}
			x, err = nil, &Error{File: filename, Pos: Position{1, 1}, Msg: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	p := newParser(filename, src, Position{1, 1}, true)
	x = p.parseTestListStarExpr()
	if p.tok.kind != EOF {
		p.syntaxError()
	}
	return x, nil
}

// scanRest scans the rest of the file after a parser error found while
// the parser was at line errLine, and returns the scanner error that
// CPython would report instead, or nil: any tokenizer error, or a bracket
// left open at the end of the file if it was opened before errLine.
func (p *parser) scanRest(errLine int32) (err *Error) {
	defer func() {
		if r := recover(); r != nil {
			err = nil
			if b, ok := r.(bailout); ok {
				switch {
				case b.override:
					err = b.err
				case len(p.sc.brack) > 0:
					// The end of the file or a tokenizer error CPython
					// raises no exception for: inside a bracket opened
					// before the error's line, CPython reports the bracket.
					if open := p.sc.brack[len(p.sc.brack)-1]; open.pos.Line < errLine {
						err = &Error{File: p.file, Pos: open.pos, Msg: fmt.Sprintf("'%c' was never closed", open.ch)}
					}
				}
			}
		}
	}()
	if p.tok.kind == EOF {
		return nil
	}
	for _, t := range p.ahead {
		if t.kind == EOF {
			return nil
		}
	}
	for p.sc.next().kind != EOF {
	}
	return nil
}

// maxDepth bounds the nesting of expressions, so that no input makes the
// parser, or the passes that walk the tree, recurse without limit. (CPython
// gives up on such input too, with MemoryError or RecursionError.)
const maxDepth = 1500

// nest records n more levels of expression nesting.
func (p *parser) nest(n int) {
	p.depth += n
	if p.depth > maxDepth {
		p.errorf(p.tok.pos, "expression nested too deeply")
	}
}

// unnest undoes nest(n).
func (p *parser) unnest(n int) { p.depth -= n }

type parser struct {
	depth       int      // current expression nesting (see nest)
	record      *[]token // while tryExpr runs, the tokens consumed
	speculating bool     // inside tryExpr or speculate
	file        string
	sc          *scanner
	tok         token   // current token
	ahead       []token // tokens peeked beyond tok
	aheadBuf    []token // backing store of ahead
	prevEnd     Position
	fdepth      int // f-string nesting depth

}

func newParser(file string, src []byte, pos Position, nested bool) *parser {
	p := &parser{file: file, sc: newScanner(file, src, pos, nested)}
	p.tok = p.sc.next()
	return p
}

// next advances to the next token.
func (p *parser) next() {
	if p.record != nil {
		*p.record = append(*p.record, p.tok)
	}
	p.prevEnd = p.tok.end
	if len(p.ahead) > 0 {
		p.tok = p.ahead[0]
		p.ahead = p.ahead[1:]
		if len(p.ahead) == 0 {
			p.ahead = p.aheadBuf[:0] // reuse the buffer from its start
		}
		return
	}
	p.tok = p.sc.next()
}

// peek returns the n-th token after the current one (n >= 1).
func (p *parser) peek(n int) token {
	for len(p.ahead) < n {
		if k := len(p.ahead); k > 0 && p.ahead[k-1].kind == EOF {
			return p.ahead[k-1]
		}
		if len(p.ahead) == 0 && p.tok.kind == EOF {
			return p.tok
		}
		if len(p.ahead) == 0 {
			p.ahead = p.aheadBuf[:0]
		}
		p.ahead = append(p.ahead, p.sc.next())
		if cap(p.ahead) > cap(p.aheadBuf) {
			p.aheadBuf = p.ahead[:0]
		}
	}
	return p.ahead[n-1]
}

func (p *parser) errorf(pos Position, format string, args ...interface{}) {
	line := p.tok.pos.Line
	if pos.Line > line {
		line = pos.Line
	}
	panic(bailout{err: &Error{File: p.file, Pos: pos, Msg: fmt.Sprintf(format, args...)}, line: line})
}

// syntaxError reports CPython's generic "invalid syntax" at the current
// token, or, as CPython does, an earlier unclosed bracket instead.
func (p *parser) syntaxError() {
	t := p.tok
	switch t.kind {
	case INDENT:
		// CPython does not look further for tokenizer errors here.
		panic(bailout{err: &Error{File: p.file, Pos: Position{t.pos.Line, max(t.pos.Col-1, 1)}, Msg: "unexpected indent"}, scanner: true})
	case OUTDENT:
		panic(bailout{err: &Error{File: p.file, Pos: t.pos, Msg: "unexpected unindent"}, scanner: true})
	case EOF:
		if p.sc.nested() {
			p.errorf(t.pos, "f-string: invalid syntax")
		}
		p.errorf(t.pos, "unexpected EOF while parsing")
	}
	line := t.pos.Line
	if t.bracket.IsValid() && !p.sc.nested() && !p.speculating {
		line = p.speculate()
	}
	panic(bailout{err: &Error{File: p.file, Pos: t.pos, Msg: "invalid syntax"}, line: line})
}

// speculate imitates how far CPython's parser reads after a generic error
// inside brackets: its second pass tries to read an expression at the
// failing token and looks at the token after it, which, newlines being
// insignificant in brackets, may lie on a later line. It returns that
// line, which decides whether an unclosed bracket is reported instead.
func (p *parser) speculate() (line int32) {
	line = p.tok.pos.Line
	p.speculating = true
	defer func() {
		p.speculating = false
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			if b.override {
				panic(b) // a tokenizer error CPython would meet too
			}
		}
		if l := p.tok.pos.Line; l > line {
			line = l
		}
	}()
	p.parseTest()
	return line
}

// tryExpr reports whether an expression parses at the current token, and
// the line of the token after it, without consuming anything: the tokens
// read are put back. A scanner error met on the way is raised, since
// CPython's parser would meet it too.
func (p *parser) tryExpr() (ok bool, line int32) {
	saveTok, savePrev, saveDepth := p.tok, p.prevEnd, p.depth
	var consumed []token
	p.record = &consumed
	p.speculating = true
	defer func() {
		r := recover()
		p.record = nil
		p.speculating = false
		line = p.tok.pos.Line
		if len(consumed) > 0 {
			rest := append([]token{}, consumed[1:]...)
			rest = append(rest, p.tok)
			rest = append(rest, p.ahead...)
			p.tok, p.ahead = saveTok, rest
		}
		p.prevEnd, p.depth = savePrev, saveDepth
		if r != nil {
			b, isBailout := r.(bailout)
			if !isBailout || b.scanner {
				panic(r)
			}
			ok = false
		}
	}()
	p.parseTest()
	return true, 0
}

// expect consumes a token of kind k or fails with CPython's wording.
func (p *parser) expect(k Token) Position {
	if p.tok.kind != k {
		p.syntaxError()
	}
	pos := p.tok.pos
	p.next()
	return pos
}

func (p *parser) ident() *Ident {
	if p.tok.kind != IDENT {
		p.syntaxError()
	}
	id := &Ident{NamePos: p.tok.pos, Name: p.tok.str}
	p.next()
	return id
}

// ---- statements ----

func (p *parser) parseStmt(out []Stmt) []Stmt {
	switch p.tok.kind {
	case NEWLINE:
		p.next()
		return out
	case INDENT:
		p.syntaxError()
	case DEF:
		return append(out, p.parseDef(nil))
	case ASYNC:
		switch p.peek(1).kind {
		case DEF:
			return append(out, p.parseDef(nil))
		case FOR:
			return append(out, p.parseFor())
		case WITH:
			return append(out, p.parseWith())
		}
		p.next()
		p.syntaxError()
	case AT:
		return append(out, p.parseDecorated())
	case IF:
		return append(out, p.parseIf())
	case WHILE:
		return append(out, p.parseWhile())
	case FOR:
		return append(out, p.parseFor())
	case TRY:
		return append(out, p.parseTry())
	case WITH:
		return append(out, p.parseWith())
	case CLASS:
		return append(out, p.parseClass(nil))
	case IDENT:
		if p.tok.str == "match" && p.isMatchStmt() {
			return append(out, p.parseMatch())
		}
	case ELSE, ELIF, EXCEPT, FINALLY:
		p.errorf(p.tok.pos, "invalid syntax")
	}
	return p.parseSimpleStmt(out)
}

// isMatchStmt reports whether a line starting with the soft keyword match
// is a match statement: "match SUBJECT:" followed by a newline.
func (p *parser) isMatchStmt() bool {
	switch p.peek(1).kind {
	case IDENT, INT, FLOAT, STRING, BYTES, FSTRING, LBRACK, LBRACE, LPAREN, MINUS, TRUE, FALSE, NONE, STAR, NOT, TILDE, AWAIT, LAMBDA:
	default:
		return false
	}
	for i := 1; i < 500; i++ {
		switch t := p.peek(i); t.kind {
		case NEWLINE, EOF:
			return p.peek(i-1).kind == COLON
		case EQ, SEMI:
			return false
		}
	}
	return false
}

// parseSimpleStmt parses small statements separated by ';' up to NEWLINE.
func (p *parser) parseSimpleStmt(out []Stmt) []Stmt {
	for {
		out = append(out, p.parseSmallStmt())
		if p.tok.kind != SEMI {
			break
		}
		p.next()
		if p.tok.kind == NEWLINE || p.tok.kind == EOF {
			break
		}
	}
	switch p.tok.kind {
	case NEWLINE:
		p.next()
	case EOF:
	default:
		p.syntaxError()
	}
	return out
}

func (p *parser) parseSmallStmt() Stmt {
	pos := p.tok.pos
	switch p.tok.kind {
	case PASS:
		p.next()
		return &PassStmt{pos}
	case BREAK:
		p.next()
		return &BreakStmt{pos}
	case CONTINUE:
		p.next()
		return &ContinueStmt{pos}
	case RETURN:
		p.next()
		s := &ReturnStmt{Return: pos}
		if !p.atStmtEnd() {
			s.Result = p.parseTestListStarExpr()
		}
		return s
	case RAISE:
		p.next()
		s := &RaiseStmt{Raise: pos}
		if !p.atStmtEnd() {
			s.X = p.parseTest()
			if p.tok.kind == FROM {
				p.next()
				s.Cause = p.parseTest()
			}
		}
		return s
	case GLOBAL, NONLOCAL:
		kind := p.tok.kind
		p.next()
		var names []*Ident
		for {
			names = append(names, p.ident())
			if p.tok.kind != COMMA {
				break
			}
			p.next()
		}
		if kind == GLOBAL {
			return &GlobalStmt{Global: pos, Names: names}
		}
		return &NonlocalStmt{Nonlocal: pos, Names: names}
	case DEL:
		p.next()
		s := &DelStmt{Del: pos}
		for {
			if p.tok.kind == STAR {
				p.errorf(p.tok.pos, "cannot delete starred")
			}
			x := p.parseBitOr()
			p.checkTarget(x, "delete", false)
			s.Targets = append(s.Targets, x)
			if p.tok.kind != COMMA {
				break
			}
			p.next()
			if p.atStmtEnd() {
				break
			}
		}
		return s
	case ASSERT:
		p.next()
		s := &AssertStmt{Assert: pos, Cond: p.parseTest()}
		if p.tok.kind == COMMA {
			p.next()
			s.Msg = p.parseTest()
		}
		return s
	case IMPORT:
		return p.parseImport()
	case FROM:
		return p.parseFromImport()
	}
	return p.parseExprStmt()
}

// atStmtEnd reports whether the current token ends a small statement.
func (p *parser) atStmtEnd() bool {
	switch p.tok.kind {
	case NEWLINE, SEMI, EOF:
		return true
	}
	return false
}

func (p *parser) parseImport() Stmt {
	s := &ImportStmt{Import: p.expect(IMPORT)}
	for {
		n := &ImportName{Path: p.dottedName()}
		if p.tok.kind == AS {
			p.next()
			n.AsName = p.ident()
		}
		s.Names = append(s.Names, n)
		if p.tok.kind != COMMA {
			break
		}
		p.next()
	}
	return s
}

func (p *parser) dottedName() []*Ident {
	path := []*Ident{p.ident()}
	for p.tok.kind == DOT {
		p.next()
		path = append(path, p.ident())
	}
	return path
}

func (p *parser) parseFromImport() Stmt {
	s := &FromImportStmt{From: p.expect(FROM)}
	if p.tok.kind == DOT || p.tok.kind == ELLIPSIS {
		p.errorf(p.tok.pos, "relative imports are not supported in scenes: a scene is one file, so define what you import in it")
	}
	s.Module = p.dottedName()
	s.Import = p.expect(IMPORT)
	if p.tok.kind == STAR {
		p.errorf(p.tok.pos, "'from %s import *' is not supported in scenes: import the names you use, as in 'from %s import name1, name2'", dotted(s.Module), dotted(s.Module))
	}
	paren := p.tok.kind == LPAREN
	if paren {
		p.next()
	}
	for {
		n := &ImportName{Path: []*Ident{p.ident()}}
		if p.tok.kind == AS {
			p.next()
			n.AsName = p.ident()
		}
		s.Names = append(s.Names, n)
		if p.tok.kind != COMMA {
			break
		}
		p.next()
		if paren && p.tok.kind == RPAREN {
			break
		}
		if !paren && p.atStmtEnd() {
			p.errorf(p.prevEnd.add(-1), "trailing comma not allowed without surrounding parentheses")
		}
	}
	if paren {
		s.Rparen = p.expect(RPAREN)
	}
	return s
}

func dotted(path []*Ident) string {
	var names []string
	for _, id := range path {
		names = append(names, id.Name)
	}
	return strings.Join(names, ".")
}

var augOps = map[Token]bool{
	PLUS_EQ: true, MINUS_EQ: true, STAR_EQ: true, SLASH_EQ: true, SLASHSLASH_EQ: true,
	PERCENT_EQ: true, STARSTAR_EQ: true, AT_EQ: true, AMP_EQ: true, PIPE_EQ: true,
	CIRCUMFLEX_EQ: true, LTLT_EQ: true, GTGT_EQ: true,
}

func (p *parser) parseExprStmt() Stmt {
	var x Expr
	if p.tok.kind == YIELD {
		x = p.parseYield()
	} else {
		x = p.parseTestListStarExpr()
	}
	if _, ok := x.(*Ident); !ok && p.tok.kind == COLONEQ {
		p.walrus(x) // "cannot use assignment expressions with attribute"
	}
	switch k := p.tok.kind; {
	case k == EQ:
		s := &AssignStmt{}
		for p.tok.kind == EQ {
			target := x
			s.Targets = append(s.Targets, x)
			s.EqPos = append(s.EqPos, p.tok.pos)
			p.next()
			if p.tok.kind == YIELD {
				x = p.parseYield()
			} else {
				x = p.parseTestListStarExpr()
			}
			p.checkTarget(target, "assign", p.tok.kind != EQ)
		}
		s.Value = x
		return s
	case augOps[k]:
		switch x.(type) {
		case *Ident, *DotExpr, *IndexExpr, *SliceExpr:
		case *TupleExpr:
			p.errorf(x.Pos(), "'tuple' is an illegal expression for augmented assignment")
		case *ListExpr:
			p.errorf(x.Pos(), "'list' is an illegal expression for augmented assignment")
		default:
			p.errorf(x.Pos(), "'%s' is an illegal expression for augmented assignment", describe(x))
		}
		s := &AugAssignStmt{Target: x, OpPos: p.tok.pos, Op: k}
		p.next()
		if p.tok.kind == YIELD {
			s.Value = p.parseYield()
		} else {
			s.Value = p.parseTestList()
		}
		return s
	case k == COLON:
		colon := p.tok.pos
		p.next()
		if !p.startsExpr() {
			// f(x): with nothing after the colon, as in a def without
			// "def ": CPython points at the colon.
			p.errorf(colon, "invalid syntax")
		}
		ann := p.parseTest()
		var value Expr
		if p.tok.kind == EQ {
			p.next()
			if p.tok.kind == YIELD {
				value = p.parseYield()
			} else {
				value = p.parseTestListStarExpr()
			}
		}
		id, ok := x.(*Ident)
		if !ok {
			switch x.(type) {
			case *TupleExpr:
				p.errorf(x.Pos(), "only single target (not tuple) can be annotated")
			case *ListExpr:
				p.errorf(x.Pos(), "only single target (not list) can be annotated")
			case *DotExpr, *IndexExpr, *SliceExpr, *ParenExpr:
				p.errorf(x.Pos(), "only plain names can be annotated in scenes")
			}
			p.errorf(x.Pos(), "illegal target for annotation")
		}
		return &AnnAssignStmt{Target: id, Colon: colon, Annotation: ann, Value: value}
	}
	if id, ok := x.(*Ident); ok && (id.Name == "print" || id.Name == "exec") {
		switch p.tok.kind {
		case STRING, FSTRING, BYTES, IDENT, INT, FLOAT, TRUE, FALSE, NONE:
			p.errorf(id.NamePos, "Missing parentheses in call to '%s'. Did you mean %s(...)?", id.Name, id.Name)
		}
	}
	return &ExprStmt{X: x}
}

// describe names an expression the way CPython's error messages do.
func describe(x Expr) string {
	switch x := x.(type) {
	case *CallExpr:
		return "function call"
	case *Literal:
		switch x.Token {
		case TRUE, FALSE, NONE:
			return x.Token.String()
		case ELLIPSIS:
			return "ellipsis"
		}
		return "literal"
	case *FString:
		return "f-string expression"
	case *CompareExpr:
		return "comparison"
	case *LambdaExpr:
		return "lambda"
	case *CondExpr:
		return "conditional expression"
	case *AwaitExpr:
		return "await expression"
	case *YieldExpr:
		return "yield expression"
	case *Comprehension:
		switch x.Kind {
		case ListComp:
			return "list comprehension"
		case SetComp:
			return "set comprehension"
		case DictComp:
			return "dict comprehension"
		}
		return "generator expression"
	case *DictExpr:
		return "dict literal"
	case *SetExpr:
		return "set display"
	case *ParenExpr:
		return describe(x.X)
	case *DotExpr:
		return "attribute"
	case *IndexExpr, *SliceExpr:
		return "subscript"
	case *StarredExpr:
		return "starred"
	case *NamedExpr:
		return "named expression"
	}
	return "expression"
}

// checkTarget checks that x may be assigned (verb "assign") or deleted
// (verb "delete"). hint marks a target followed by '=' and a value that is
// not itself followed by '=', where CPython adds "Maybe you meant '=='".
func (p *parser) checkTarget(x Expr, verb string, hint bool) {
	switch x := x.(type) {
	case *Ident, *DotExpr, *IndexExpr, *SliceExpr:
		return
	case *ParenExpr:
		p.checkTarget(x.X, verb, hint)
		return
	case *TupleExpr, *ListExpr:
		var list []Expr
		if t, ok := x.(*TupleExpr); ok {
			list = t.List
			hint = hint && !t.Lparen.IsValid()
		} else {
			list = x.(*ListExpr).List
			hint = false
		}
		for i, e := range list {
			if st, ok := e.(*StarredExpr); ok && verb != "delete" {
				// "multiple starred expressions" is left to the resolver,
				// as CPython leaves it to its compiler.
				if st.Op != STAR {
					p.errorf(st.OpPos, "invalid syntax")
				}
				p.checkTarget(st.X, verb, false)
				continue
			}
			p.checkTarget(e, verb, hint && i == len(list)-1)
		}
		return
	case *StarredExpr:
		if verb == "delete" {
			p.errorf(x.Pos(), "cannot delete starred")
		}
		// A lone *x target is refused by the resolver (CPython's compiler).
		p.checkTarget(x.X, verb, false)
		return
	case *YieldExpr:
		if verb == "assign" {
			p.errorf(x.Pos(), "assignment to yield expression not possible")
		}
	case *Literal:
		switch x.Token {
		case TRUE, FALSE, NONE:
			hint = false
		}
	case *UnaryExpr:
		hint = hint && x.Op != NOT
	case *Comprehension:
		hint = hint && x.Kind != GeneratorComp
	case *CallExpr, *BinaryExpr, *AwaitExpr, *FString, *DictExpr, *SetExpr:
	default:
		hint = false
	}
	what := describe(x)
	if hint && verb == "assign" {
		p.errorf(x.Pos(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", what)
	}
	p.errorf(x.Pos(), "cannot %s %s", map[string]string{"assign": "assign to", "delete": "delete"}[verb], what)
}

// parseBlock parses ':' followed by a suite. what names the statement for
// CPython's "expected an indented block after ..." message.
//
// CPython insists on the colon after def, try, else and finally ("expected
// ':'" whatever follows); after if, elif, while, for, with and except it
// says so only at the end of the line, and "invalid syntax" otherwise.
func (p *parser) parseBlock(what string, line int32) []Stmt {
	if p.tok.kind != COLON {
		switch what {
		case "function definition", "'try' statement", "'else' statement", "'finally' statement":
			p.errorf(p.tok.pos, "expected ':'")
		}
		if p.tok.kind == NEWLINE {
			p.errorf(p.tok.pos, "expected ':'")
		}
		p.syntaxError()
	}
	p.next()
	if p.tok.kind != NEWLINE {
		if p.tok.kind == EOF {
			p.errorf(p.tok.pos, "invalid syntax")
		}
		return p.parseSimpleStmt(nil)
	}
	p.next()
	if p.tok.kind != INDENT {
		pos := p.tok.pos
		if p.tok.kind == OUTDENT || p.tok.kind == EOF {
			pos = Position{p.tok.pos.Line, max(p.tok.pos.Col, 1)}
			if p.tok.kind == EOF {
				pos = Position{p.prevEnd.Line + 1, 1}
				if p.tok.pos.Line > pos.Line {
					pos = p.tok.pos
				}
			}
		}
		p.errorf(pos, "expected an indented block after %s on line %d", what, line)
	}
	p.next()
	var body []Stmt
	for p.tok.kind != OUTDENT && p.tok.kind != EOF {
		body = p.parseStmt(body)
	}
	if p.tok.kind == OUTDENT {
		p.next()
	}
	return body
}

func (p *parser) parseDecorated() Stmt {
	var decs []*Decorator
	for p.tok.kind == AT {
		at := p.tok.pos
		p.next()
		x := p.parseTest()
		decs = append(decs, &Decorator{At: at, X: x})
		if p.tok.kind != NEWLINE {
			p.syntaxError()
		}
		p.next()
	}
	switch p.tok.kind {
	case DEF:
	case ASYNC:
		if p.peek(1).kind != DEF {
			p.next()
			p.syntaxError()
		}
	case CLASS:
		return p.parseClass(decs)
	default:
		p.syntaxError()
	}
	return p.parseDef(decs)
}

func (p *parser) parseDef(decs []*Decorator) Stmt {
	s := &DefStmt{Decorators: decs}
	if p.tok.kind == ASYNC {
		s.Async = true
		s.AsyncPos = p.tok.pos
		p.next()
	}
	s.Def = p.expect(DEF)
	line := s.Def.Line
	s.Name = p.ident()
	if p.tok.kind != LPAREN {
		p.errorf(p.tok.pos, "expected '('")
	}
	s.Lparen = p.tok.pos
	p.next()
	s.Params = p.parseParams(RPAREN)
	s.Rparen = p.expect(RPAREN)
	if p.tok.kind == ARROW {
		p.next()
		s.Returns = p.parseTest()
	}
	s.Body = p.parseBlock("function definition", line)
	return s
}

// parseParams parses a parameter list up to (not including) the closing
// token: RPAREN for def, COLON for lambda.
func (p *parser) parseParams(close Token) []*Param {
	var params []*Param
	lambda := close == COLON
	kind := NormalParam
	sawDefault, sawSlash := false, false
	for p.tok.kind != close {
		pos := p.tok.pos
		switch p.tok.kind {
		case SLASH:
			if sawSlash {
				p.errorf(pos, "/ may appear only once")
			}
			if kind != NormalParam {
				p.errorf(pos, "/ must be ahead of *")
			}
			if len(params) == 0 {
				p.errorf(pos, "at least one argument must precede /")
			}
			sawSlash = true
			for _, q := range params {
				q.Kind = PosOnlyParam
			}
			p.next()
		case STAR:
			if kind == KwOnlyParam {
				p.errorf(pos, "* argument may appear only once")
			}
			if kind == VarKwParam {
				p.errorf(pos, "arguments cannot follow var-keyword argument")
			}
			p.next()
			q := &Param{Kind: VarArgsParam, Star: pos}
			if p.tok.kind == IDENT {
				q.Name = p.ident()
				if !lambda && p.tok.kind == COLON {
					p.next()
					q.Annotation = p.parseStarAnnotation()
				}
			} else if p.tok.kind == close || p.tok.kind == COMMA && (p.peek(1).kind == close || p.peek(1).kind == STARSTAR) {
				p.errorf(pos, "named arguments must follow bare *")
			}
			if p.tok.kind == EQ {
				p.errorf(p.tok.pos, "var-positional argument cannot have default value")
			}
			params = append(params, q)
			kind = KwOnlyParam
		case STARSTAR:
			if kind == VarKwParam {
				p.errorf(pos, "arguments cannot follow var-keyword argument")
			}
			p.next()
			q := &Param{Kind: VarKwParam, Star: pos, Name: p.ident()}
			if !lambda && p.tok.kind == COLON {
				p.next()
				q.Annotation = p.parseTest()
			}
			if p.tok.kind == EQ {
				p.errorf(p.tok.pos, "var-keyword argument cannot have default value")
			}
			params = append(params, q)
			kind = VarKwParam
		case IDENT:
			if kind == VarKwParam {
				p.errorf(pos, "arguments cannot follow var-keyword argument")
			}
			q := &Param{Kind: kind, Name: p.ident()}
			if !lambda && p.tok.kind == COLON {
				p.next()
				q.Annotation = p.parseTest()
			}
			if p.tok.kind == EQ {
				eq := p.tok.pos
				p.next()
				if !lambda && (p.tok.kind == COMMA || p.tok.kind == close) {
					p.errorf(eq, "expected default value expression")
				}
				q.Default = p.parseTest()
				if kind == NormalParam {
					sawDefault = true
				}
			} else if sawDefault && kind == NormalParam {
				p.errorf(pos, "non-default argument follows default argument")
			}
			params = append(params, q)
		case LPAREN:
			if lambda {
				p.syntaxError()
			}
			p.errorf(pos, "Function parameters cannot be parenthesized")
		default:
			p.syntaxError()
		}
		if p.tok.kind != COMMA {
			break
		}
		p.next()
	}
	return params
}

// parseStarAnnotation parses the annotation of *args (which may be starred
// in 3.11: *args: *Ts).
func (p *parser) parseStarAnnotation() Expr {
	if p.tok.kind == STAR {
		pos := p.tok.pos
		p.next()
		return &StarredExpr{OpPos: pos, Op: STAR, X: p.parseBitOr()}
	}
	return p.parseTest()
}

func (p *parser) parseIf() Stmt {
	s := &IfStmt{If: p.tok.pos}
	what := "'if' statement"
	if p.tok.kind == ELIF {
		what = "'elif' statement"
	}
	p.next()
	s.Cond = p.parseNamedExpr()
	s.True = p.parseBlock(what, s.If.Line)
	switch p.tok.kind {
	case ELIF:
		s.ElsePos = p.tok.pos
		s.False = []Stmt{p.parseIf()}
	case ELSE:
		s.ElsePos = p.tok.pos
		p.next()
		s.False = p.parseBlock("'else' statement", s.ElsePos.Line)
	}
	return s
}

func (p *parser) parseWhile() Stmt {
	s := &WhileStmt{While: p.expect(WHILE)}
	s.Cond = p.parseNamedExpr()
	s.Body = p.parseBlock("'while' statement", s.While.Line)
	if p.tok.kind == ELSE {
		s.ElsePos = p.tok.pos
		p.next()
		s.Else = p.parseBlock("'else' statement", s.ElsePos.Line)
	}
	return s
}

func (p *parser) parseFor() Stmt {
	s := &ForStmt{}
	if p.tok.kind == ASYNC {
		s.Async, s.AsyncPos = true, p.tok.pos
		p.next()
	}
	s.For = p.expect(FOR)
	s.Vars = p.parseTargetList()
	p.checkTarget(s.Vars, "assign", false)
	if p.tok.kind != IN {
		if p.tok.kind == NEWLINE || p.tok.kind == COLON {
			p.errorf(p.tok.pos, "invalid syntax")
		}
		p.syntaxError()
	}
	p.next()
	s.X = p.parseTestListStarExpr()
	what := "'for' statement"
	line := s.For.Line
	s.Body = p.parseBlock(what, line)
	if p.tok.kind == ELSE {
		s.ElsePos = p.tok.pos
		p.next()
		s.Else = p.parseBlock("'else' statement", s.ElsePos.Line)
	}
	return s
}

// parseTargetList parses the target of a for loop or comprehension: a
// comma-separated list of bitwise-or expressions (possibly starred).
func (p *parser) parseTargetList() Expr {
	first := p.parseStarOr(p.parseBitOr)
	if p.tok.kind != COMMA {
		return first
	}
	list := []Expr{first}
	for p.tok.kind == COMMA {
		p.next()
		if p.tok.kind == IN {
			break
		}
		list = append(list, p.parseStarOr(p.parseBitOr))
	}
	return &TupleExpr{List: list}
}

func (p *parser) parseStarOr(f func() Expr) Expr {
	if p.tok.kind == STAR {
		pos := p.tok.pos
		p.next()
		return &StarredExpr{OpPos: pos, Op: STAR, X: p.parseBitOr()}
	}
	return f()
}

func (p *parser) parseTry() Stmt {
	s := &TryStmt{Try: p.expect(TRY)}
	s.Body = p.parseBlock("'try' statement", s.Try.Line)
	for p.tok.kind == EXCEPT {
		if n := len(s.Handlers); n > 0 && s.Handlers[n-1].Type == nil {
			p.errorf(s.Handlers[n-1].Except, "default 'except:' must be last")
		}
		c := &ExceptClause{Except: p.tok.pos}
		p.next()
		if p.tok.kind == STAR {
			c.Star = p.tok.pos
			p.next()
			if p.tok.kind == COLON {
				p.errorf(p.tok.pos, "expected one or more exception types")
			}
		}
		if n := len(s.Handlers); n > 0 && s.Handlers[0].Star.IsValid() != c.Star.IsValid() {
			p.errorf(c.Except, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		if p.tok.kind != COLON {
			c.Type = p.parseTest()
			if p.tok.kind == COMMA {
				p.errorf(c.Type.Pos(), "multiple exception types must be parenthesized")
			}
			if p.tok.kind == AS {
				p.next()
				c.Name = p.ident()
			}
		}
		c.Body = p.parseBlock("'except' statement", c.Except.Line)
		s.Handlers = append(s.Handlers, c)
	}
	if p.tok.kind == ELSE {
		if len(s.Handlers) == 0 {
			p.errorf(p.tok.pos, "expected 'except' or 'finally' block")
		}
		s.ElsePos = p.tok.pos
		p.next()
		s.Else = p.parseBlock("'else' statement", s.ElsePos.Line)
	}
	if p.tok.kind == FINALLY {
		s.FinallyPos = p.tok.pos
		p.next()
		s.Finally = p.parseBlock("'finally' statement", s.FinallyPos.Line)
	}
	if len(s.Handlers) == 0 && s.Finally == nil {
		pos := p.tok.pos
		if p.tok.kind == EOF || p.tok.kind == OUTDENT && p.outdentsToEOF() {
			pos = stmtsEnd(s.Body, s.Try)
		}
		p.errorf(pos, "expected 'except' or 'finally' block")
	}
	return s
}

// outdentsToEOF reports whether only OUTDENTs separate the current token
// from the end of the file.
func (p *parser) outdentsToEOF() bool {
	for i := 1; ; i++ {
		switch p.peek(i).kind {
		case OUTDENT:
			continue
		case EOF:
			return true
		}
		return false
	}
}

func (p *parser) parseWith() Stmt {
	s := &WithStmt{}
	if p.tok.kind == ASYNC {
		s.Async, s.AsyncPos = true, p.tok.pos
		p.next()
	}
	s.With = p.expect(WITH)
	// Parenthesised items (3.10+): with (a as b, c as d):
	if p.tok.kind == LPAREN && p.parenthesisedWithItems() {
		p.next()
		for p.tok.kind != RPAREN {
			s.Items = append(s.Items, p.parseWithItem())
			if p.tok.kind != COMMA {
				break
			}
			p.next()
		}
		p.expect(RPAREN)
	} else {
		for {
			s.Items = append(s.Items, p.parseWithItem())
			if p.tok.kind != COMMA {
				break
			}
			p.next()
		}
	}
	s.Body = p.parseBlock("'with' statement", s.With.Line)
	return s
}

// parenthesisedWithItems reports whether the '(' after with opens a
// parenthesised list of with items (it contains 'as' at depth 1, or is
// followed directly by ':').
func (p *parser) parenthesisedWithItems() bool {
	depth := 0
	for i := 0; i < 1000; i++ {
		var t token
		if i == 0 {
			t = p.tok
		} else {
			t = p.peek(i)
		}
		switch t.kind {
		case LPAREN, LBRACK, LBRACE:
			depth++
		case RPAREN, RBRACK, RBRACE:
			depth--
			if depth == 0 {
				return p.peek(i+1).kind == COLON && i > 0 && p.hasAsAtDepth1(i)
			}
		case NEWLINE, EOF:
			return false
		}
	}
	return false
}

func (p *parser) hasAsAtDepth1(n int) bool {
	depth := 1
	for i := 1; i < n; i++ {
		switch p.peek(i).kind {
		case LPAREN, LBRACK, LBRACE:
			depth++
		case RPAREN, RBRACK, RBRACE:
			depth--
		case AS:
			if depth == 1 {
				return true
			}
		}
	}
	return false
}

func (p *parser) parseWithItem() *WithItem {
	it := &WithItem{X: p.parseTest()}
	if p.tok.kind == AS {
		p.next()
		it.Target = p.parseStarOr(p.parseBitOr)
		p.checkTarget(it.Target, "assign", false)
	}
	return it
}

// ---- expressions ----

// parseTestList parses test {, test} [,] as a tuple if it has a comma.
func (p *parser) parseTestList() Expr {
	return p.parseTupleOf(p.parseTest, false)
}

// parseTestListStarExpr is like parseTestList but allows *x elements.
func (p *parser) parseTestListStarExpr() Expr {
	return p.parseTupleOf(p.parseTest, true)
}

func (p *parser) parseTupleOf(f func() Expr, star bool) Expr {
	elem := func() Expr {
		if star && p.tok.kind == STAR {
			return p.parseStarOr(nil)
		}
		return f()
	}
	first := elem()
	if p.tok.kind != COMMA {
		return first
	}
	list := []Expr{first}
	for p.tok.kind == COMMA {
		p.next()
		if !p.startsExpr() {
			break
		}
		list = append(list, elem())
	}
	return &TupleExpr{List: list}
}

// startsExpr reports whether the current token can begin an expression.
func (p *parser) startsExpr() bool {
	switch p.tok.kind {
	case IDENT, INT, FLOAT, STRING, BYTES, FSTRING, TRUE, FALSE, NONE, ELLIPSIS,
		LPAREN, LBRACK, LBRACE, MINUS, PLUS, TILDE, NOT, LAMBDA, AWAIT, STAR, YIELD:
		return true
	}
	return false
}

// parseTest parses a conditional expression or lambda.
func (p *parser) parseTest() Expr {
	p.nest(1)
	x := p.parseTest1()
	p.unnest(1)
	return x
}

func (p *parser) parseTest1() Expr {
	if p.tok.kind == LAMBDA {
		return p.parseLambda(true)
	}
	x := p.parseOrTest()
	if p.tok.kind == IF {
		c := &CondExpr{True: x, If: p.tok.pos}
		p.next()
		c.Cond = p.parseOrTest()
		if p.tok.kind != ELSE {
			p.errorf(x.Pos(), "expected 'else' after 'if' expression")
		}
		c.ElsePos = p.tok.pos
		p.next()
		c.False = p.parseTest()
		return c
	}
	return x
}

// walrus parses an assignment expression x := v where Python allows one
// (conditions, display elements, arguments), or returns x when no := follows.
// The value is parsed first, so that a syntax error there comes first, as
// in CPython.
func (p *parser) walrus(x Expr) Expr {
	if p.tok.kind != COLONEQ {
		return x
	}
	colonEq := p.tok.pos
	p.next()
	v := p.parseTest()
	if id, ok := x.(*Ident); ok {
		return &NamedExpr{Target: id, ColonEq: colonEq, Value: v}
	}
	if px, ok := x.(*ParenExpr); ok {
		if _, ok := px.X.(*Ident); ok {
			p.errorf(colonEq, "invalid syntax")
		}
	}
	p.errorf(x.Pos(), "cannot use assignment expressions with %s", describe(x))
	panic("unreachable")
}

// parseNamedExpr parses a test where Python's grammar allows a named
// expression (conditions, display elements, subscripts), and gives
// CPython's hints for a mistaken '=' there: if x = 1: ...
func (p *parser) parseNamedExpr() Expr {
	x := p.walrus(p.parseTest())
	if p.tok.kind != EQ {
		return x
	}
	eq := p.tok
	switch x := x.(type) {
	case *Ident:
		p.next()
		p.parseBitOr()
		if p.tok.kind != EQ && p.tok.kind != COLONEQ {
			p.errorf(x.NamePos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
		}
	case *ListExpr, *TupleExpr, *Comprehension:
	case *Literal:
		if x.Token == TRUE || x.Token == FALSE || x.Token == NONE {
			break
		}
		p.next()
		p.parseBitOr()
		if p.tok.kind != EQ && p.tok.kind != COLONEQ {
			p.errorf(x.Pos(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", describe(x))
		}
	default:
		p.next()
		p.parseBitOr()
		if p.tok.kind != EQ && p.tok.kind != COLONEQ {
			p.errorf(x.Pos(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", describe(x))
		}
	}
	p.errorf(eq.pos, "invalid syntax")
	panic("unreachable")
}

// parseTestNoCond parses an expression without a top-level conditional.
func (p *parser) parseTestNoCond() Expr {
	if p.tok.kind == LAMBDA {
		return p.parseLambda(false)
	}
	return p.parseOrTest()
}

func (p *parser) parseLambda(allowCond bool) Expr {
	l := &LambdaExpr{Lambda: p.tok.pos}
	p.next()
	l.Params = p.parseParams(COLON)
	p.expect(COLON)
	if allowCond {
		l.Body = p.parseTest()
	} else {
		l.Body = p.parseTestNoCond()
	}
	return l
}

func (p *parser) parseOrTest() Expr {
	x := p.parseAndTest()
	k := 0
	for p.tok.kind == OR {
		pos := p.tok.pos
		p.next()
		k++
		p.nest(1)
		x = &BoolOpExpr{X: x, OpPos: pos, Op: OR, Y: p.parseAndTest()}
	}
	p.unnest(k)
	return x
}

func (p *parser) parseAndTest() Expr {
	x := p.parseNotTest()
	k := 0
	for p.tok.kind == AND {
		pos := p.tok.pos
		p.next()
		k++
		p.nest(1)
		x = &BoolOpExpr{X: x, OpPos: pos, Op: AND, Y: p.parseNotTest()}
	}
	p.unnest(k)
	return x
}

func (p *parser) parseNotTest() Expr {
	if p.tok.kind == NOT {
		pos := p.tok.pos
		p.next()
		p.nest(1)
		x := &UnaryExpr{OpPos: pos, Op: NOT, X: p.parseNotTest()}
		p.unnest(1)
		return x
	}
	return p.parseComparison()
}

func (p *parser) parseComparison() Expr {
	x := p.parseBitOr()
	var c *CompareExpr
	for {
		pos := p.tok.pos
		var op Token
		switch p.tok.kind {
		case LT, GT, LE, GE, EQL, NEQ, IN:
			op = p.tok.kind
			p.next()
		case NOT:
			if p.peek(1).kind != IN {
				return compareOrX(x, c)
			}
			p.next()
			p.next()
			op = NOT_IN
		case IS:
			p.next()
			op = IS
			if p.tok.kind == NOT {
				p.next()
				op = IS_NOT
			}
		default:
			return compareOrX(x, c)
		}
		if c == nil {
			c = &CompareExpr{X: x}
		}
		c.Ops = append(c.Ops, CompareOp{OpPos: pos, Op: op})
		c.Ys = append(c.Ys, p.parseBitOr())
	}
}

// compareOrX returns c, or x if there was no comparison.
func compareOrX(x Expr, c *CompareExpr) Expr {
	if c == nil {
		return x
	}
	return c
}

// binary operator precedence levels, lowest first
var binLevels = [][]Token{
	{PIPE},
	{CIRCUMFLEX},
	{AMP},
	{LTLT, GTGT},
	{PLUS, MINUS},
	{STAR, SLASH, SLASHSLASH, PERCENT, AT},
}

func (p *parser) parseBitOr() Expr { return p.parseBinary(0) }

func (p *parser) parseBinary(level int) Expr {
	if level == len(binLevels) {
		return p.parseFactor()
	}
	x := p.parseBinary(level + 1)
	k := 0
	for {
		op := p.tok.kind
		found := false
		for _, t := range binLevels[level] {
			if op == t {
				found = true
			}
		}
		if !found {
			p.unnest(k)
			return x
		}
		pos := p.tok.pos
		p.next()
		k++
		p.nest(1)
		x = &BinaryExpr{X: x, OpPos: pos, Op: op, Y: p.parseBinary(level + 1)}
	}
}

func (p *parser) parseFactor() Expr {
	switch p.tok.kind {
	case PLUS, MINUS, TILDE:
		pos, op := p.tok.pos, p.tok.kind
		p.next()
		p.nest(1)
		x := &UnaryExpr{OpPos: pos, Op: op, X: p.parseFactor()}
		p.unnest(1)
		return x
	}
	return p.parsePower()
}

func (p *parser) parsePower() Expr {
	var x Expr
	if p.tok.kind == AWAIT {
		pos := p.tok.pos
		p.next()
		x = &AwaitExpr{Await: pos, X: p.parsePrimary()}
	} else {
		x = p.parsePrimary()
	}
	if p.tok.kind == STARSTAR {
		pos := p.tok.pos
		p.next()
		p.nest(1)
		x = &BinaryExpr{X: x, OpPos: pos, Op: STARSTAR, Y: p.parseFactor()}
		p.unnest(1)
	}
	return x
}

func (p *parser) parsePrimary() Expr {
	x := p.parseAtom()
	k := 0
	for {
		switch p.tok.kind {
		case DOT, LPAREN, LBRACK:
			k++
			p.nest(1)
		default:
			p.unnest(k)
			return x
		}
		switch p.tok.kind {
		case DOT:
			dot := p.tok.pos
			p.next()
			x = &DotExpr{X: x, Dot: dot, Name: p.ident()}
		case LPAREN:
			x = p.parseCall(x)
		case LBRACK:
			x = p.parseSubscript(x)
		default:
			return x
		}
	}
}

func (p *parser) parseCall(fn Expr) Expr {
	c := &CallExpr{Fn: fn, Lparen: p.tok.pos}
	p.next()
	sawKw, sawKwUnpack := false, false
	var seen map[string]bool
	for p.tok.kind != RPAREN {
		pos := p.tok.pos
		var arg Expr
		switch {
		case p.tok.kind == STAR:
			p.next()
			arg = &StarredExpr{OpPos: pos, Op: STAR, X: p.parseTest()}
			if sawKwUnpack {
				p.errorf(pos, "iterable argument unpacking follows keyword argument unpacking")
			}
		case p.tok.kind == STARSTAR:
			p.next()
			arg = &StarredExpr{OpPos: pos, Op: STARSTAR, X: p.parseTest()}
			sawKwUnpack = true
		case p.tok.kind == IDENT && p.peek(1).kind == EQ:
			name := p.ident()
			p.next()
			if seen[name.Name] {
				p.errorf(name.NamePos, "keyword argument repeated: %s", name.Name)
			}
			if seen == nil {
				seen = make(map[string]bool)
			}
			seen[name.Name] = true
			arg = &KeywordArg{Name: name, Value: p.parseTest()}
			sawKw = true
		default:
			x := p.walrus(p.parseTest())
			if p.tok.kind == EQ {
				p.errorf(x.Pos(), "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			if p.tok.kind == FOR || p.tok.kind == ASYNC && p.peek(1).kind == FOR {
				comp := p.parseComprehension(GeneratorComp, c.Lparen, x)
				if len(c.Args) > 0 || p.tok.kind == COMMA {
					p.errorf(x.Pos(), "Generator expression must be parenthesized")
				}
				if p.tok.kind != RPAREN {
					p.syntaxError()
				}
				comp.Rbrack = p.tok.pos
				c.Args = append(c.Args, comp)
				p.next()
				c.Rparen = comp.Rbrack
				return c
			}
			// CPython reports these at the token after the argument.
			if sawKwUnpack {
				p.errorf(p.tok.pos, "positional argument follows keyword argument unpacking")
			}
			if sawKw {
				p.errorf(p.tok.pos, "positional argument follows keyword argument")
			}
			arg = x
		}
		c.Args = append(c.Args, arg)
		if p.tok.kind != COMMA {
			if kw, ok := arg.(*KeywordArg); ok {
				p.checkComma(kw.Value)
			} else {
				p.checkComma(arg)
			}
			break
		}
		p.next()
	}
	if p.tok.kind != RPAREN {
		if p.tok.kind == FOR && len(c.Args) > 1 {
			p.errorf(c.Args[0].Pos(), "Generator expression must be parenthesized")
		}
		p.syntaxError()
	}
	c.Rparen = p.tok.pos
	p.next()
	return c
}

// unparenthesizedTarget reports [a, b for ...]: a display whose elements
// are followed by a comprehension clause.
func (p *parser) unparenthesizedTarget(list []Expr) {
	if len(list) > 1 && (p.tok.kind == FOR || p.tok.kind == ASYNC && p.peek(1).kind == FOR) {
		p.errorf(list[0].Pos(), "did you forget parentheses around the comprehension target?")
	}
}

// checkComma reports CPython's "Perhaps you forgot a comma?" when, inside
// brackets, element x is directly followed by another expression.
func (p *parser) checkComma(x Expr) {
	if !p.tok.bracket.IsValid() {
		return
	}
	switch p.tok.kind {
	case IDENT, INT, FLOAT, STRING, BYTES, FSTRING, TRUE, FALSE, NONE, LBRACK, LBRACE, LAMBDA, AWAIT, ELLIPSIS, TILDE:
		// CPython's hint names the last or_test before the stray token:
		// the body of a lambda, the else branch of a conditional.
		for {
			if l, ok := x.(*LambdaExpr); ok {
				x = l.Body
			} else if c, ok := x.(*CondExpr); ok {
				x = c.False
			} else {
				break
			}
		}
		if _, ok := x.(*Ident); ok && (p.tok.kind == STRING || p.tok.kind == FSTRING || p.tok.kind == BYTES) {
			return
		}
		if p.speculating {
			// Already looking ahead: no nested look-ahead, which could
			// take time exponential in the nesting of brackets.
			p.errorf(x.Pos(), "invalid syntax. Perhaps you forgot a comma?")
		}
		// The hint needs an expression after the stray token's start.
		ok, line := p.tryExpr()
		if !ok {
			return
		}
		panic(bailout{err: &Error{File: p.file, Pos: x.Pos(), Msg: "invalid syntax. Perhaps you forgot a comma?"}, line: line})
	}
}

func (p *parser) parseSubscript(x Expr) Expr {
	lbrack := p.tok.pos
	p.next()
	if p.tok.kind == RBRACK {
		p.syntaxError()
	}
	var items []Expr
	var slice *SliceExpr
	sawComma := false
	for {
		item, sl := p.parseSliceItem(x, lbrack)
		if sl != nil {
			slice = sl
		} else {
			p.checkComma(item)
		}
		items = append(items, item)
		if p.tok.kind != COMMA {
			break
		}
		sawComma = true
		p.next()
		if p.tok.kind == RBRACK {
			break
		}
	}
	rbrack := p.expect(RBRACK)
	if slice != nil {
		if sawComma {
			p.errorf(slice.Lbrack, "extended slices are not supported in scenes: index one dimension at a time, as in a[1:3][0]")
		}
		slice.Rbrack = rbrack
		return slice
	}
	if _, ok := items[0].(*StarredExpr); !sawComma && !ok {
		return &IndexExpr{X: x, Lbrack: lbrack, Y: items[0], Rbrack: rbrack}
	}
	// a[i, j], and a[*b] which is a[(*b,)]
	return &IndexExpr{X: x, Lbrack: lbrack, Y: &TupleExpr{List: items}, Rbrack: rbrack}
}

func (p *parser) parseSliceItem(x Expr, lbrack Position) (Expr, *SliceExpr) {
	var lo Expr
	if p.tok.kind != COLON {
		if p.tok.kind == STAR {
			lo = p.parseStarOr(nil)
		} else {
			lo = p.parseNamedExpr()
		}
		if p.tok.kind != COLON {
			return lo, nil
		}
	}
	s := &SliceExpr{X: x, Lbrack: lbrack, Lo: lo}
	p.next() // ':'
	if p.tok.kind != COLON && p.tok.kind != RBRACK && p.tok.kind != COMMA {
		s.Hi = p.parseTest()
	}
	if p.tok.kind == COLON {
		p.next()
		if p.tok.kind != RBRACK && p.tok.kind != COMMA {
			s.Step = p.parseTest()
		}
	}
	return s, s
}

func (p *parser) parseAtom() Expr {
	t := p.tok
	switch t.kind {
	case IDENT:
		p.next()
		id := &Ident{NamePos: t.pos, Name: t.str}
		if t.end.Col-t.pos.Col != int32(utf8.RuneCountInString(t.str)) {
			id.NameEnd = t.end
		}
		return id
	case INT, FLOAT:
		p.next()
		return &Literal{Token: t.kind, TokenPos: t.pos, EndPos: t.end, Raw: t.raw, Value: t.value}
	case TRUE, FALSE, NONE, ELLIPSIS:
		p.next()
		var v interface{}
		switch t.kind {
		case TRUE:
			v = true
		case FALSE:
			v = false
		}
		return &Literal{Token: t.kind, TokenPos: t.pos, EndPos: t.end, Raw: t.raw, Value: v}
	case STRING, BYTES, FSTRING:
		return p.parseStrings()
	case LPAREN:
		return p.parseParen()
	case LBRACK:
		return p.parseList()
	case LBRACE:
		return p.parseBrace()
	case YIELD:
		p.errorf(t.pos, "invalid syntax")
	}
	if (t.kind == NEWLINE || t.kind == EOF) && !p.sc.nested() {
		p.errorf(t.pos, "invalid syntax")
	}
	p.syntaxError()
	panic("unreachable")
}

func (p *parser) parseYield() Expr {
	y := &YieldExpr{Yield: p.tok.pos}
	p.next()
	if p.tok.kind == FROM {
		y.From = p.tok.pos
		p.next()
		y.Value = p.parseTest()
		return y
	}
	switch p.tok.kind {
	case RPAREN, NEWLINE, SEMI, EOF, EQ, RBRACK, RBRACE:
		return y
	}
	y.Value = p.parseTestListStarExpr()
	return y
}

func (p *parser) parseParen() Expr {
	lparen := p.tok.pos
	p.next()
	switch p.tok.kind {
	case RPAREN:
		rparen := p.tok.pos
		p.next()
		return &TupleExpr{Lparen: lparen, Rparen: rparen}
	case YIELD:
		y := p.parseYield()
		rparen := p.expect(RPAREN)
		return &ParenExpr{Lparen: lparen, X: y, Rparen: rparen}
	}
	first := p.parseStarOr(p.parseNamedExpr)
	switch p.tok.kind {
	case FOR, ASYNC:
		if _, ok := first.(*StarredExpr); ok {
			p.errorf(first.Pos(), "iterable unpacking cannot be used in comprehension")
		}
		comp := p.parseComprehension(GeneratorComp, lparen, first)
		comp.Rbrack = p.expect(RPAREN)
		return comp
	case RPAREN:
		rparen := p.tok.pos
		p.next()
		if st, ok := first.(*StarredExpr); ok {
			p.errorf(st.OpPos, "cannot use starred expression here")
		}
		return &ParenExpr{Lparen: lparen, X: first, Rparen: rparen}
	case COMMA:
		list := []Expr{first}
		for p.tok.kind == COMMA {
			p.next()
			if p.tok.kind == RPAREN {
				break
			}
			x := p.parseStarOr(p.parseNamedExpr)
			p.checkComma(x)
			list = append(list, x)
		}
		rparen := p.expect(RPAREN)
		return &TupleExpr{Lparen: lparen, List: list, Rparen: rparen}
	}
	p.checkComma(first)
	p.syntaxError()
	panic("unreachable")
}

func (p *parser) parseList() Expr {
	lbrack := p.tok.pos
	p.next()
	if p.tok.kind == RBRACK {
		rbrack := p.tok.pos
		p.next()
		return &ListExpr{Lbrack: lbrack, Rbrack: rbrack}
	}
	first := p.parseStarOr(p.parseNamedExpr)
	if p.tok.kind == FOR || p.tok.kind == ASYNC {
		if _, ok := first.(*StarredExpr); ok {
			p.errorf(first.Pos(), "iterable unpacking cannot be used in comprehension")
		}
		comp := p.parseComprehension(ListComp, lbrack, first)
		comp.Rbrack = p.expect(RBRACK)
		return comp
	}
	list := []Expr{first}
	p.checkComma(first)
	for p.tok.kind == COMMA {
		p.next()
		if p.tok.kind == RBRACK {
			break
		}
		x := p.parseStarOr(p.parseNamedExpr)
		p.checkComma(x)
		list = append(list, x)
	}
	p.unparenthesizedTarget(list)
	rbrack := p.expect(RBRACK)
	return &ListExpr{Lbrack: lbrack, List: list, Rbrack: rbrack}
}

func (p *parser) parseBrace() Expr {
	lbrace := p.tok.pos
	p.next()
	if p.tok.kind == RBRACE {
		rbrace := p.tok.pos
		p.next()
		return &DictExpr{Lbrace: lbrace, Rbrace: rbrace}
	}
	// first element decides: dict or set
	var first Expr
	isDict := false
	if p.tok.kind == STARSTAR {
		pos := p.tok.pos
		p.next()
		first = &StarredExpr{OpPos: pos, Op: STARSTAR, X: p.parseBitOr()}
		isDict = true
	} else {
		first = p.parseStarOr(p.parseNamedExpr)
		if p.tok.kind == COLON {
			if _, ok := first.(*StarredExpr); ok {
				p.errorf(first.Pos(), "cannot use a starred expression in a dictionary key")
			}
			colon := p.tok.pos
			p.next()
			first = &DictEntry{Key: first, Colon: colon, Value: p.parseTest()}
			isDict = true
		}
	}
	if de, ok := first.(*DictEntry); ok {
		p.checkComma(de.Value)
	} else if p.tok.kind != FOR && p.tok.kind != ASYNC {
		p.checkComma(first)
	}
	if p.tok.kind == FOR || p.tok.kind == ASYNC {
		kind := SetComp
		if isDict {
			kind = DictComp
			if _, ok := first.(*StarredExpr); ok {
				p.errorf(first.Pos(), "dict unpacking cannot be used in dict comprehension")
			}
		} else if _, ok := first.(*StarredExpr); ok {
			p.errorf(first.Pos(), "iterable unpacking cannot be used in comprehension")
		}
		comp := p.parseComprehension(kind, lbrace, first)
		comp.Rbrack = p.expect(RBRACE)
		return comp
	}
	list := []Expr{first}
	for p.tok.kind == COMMA {
		p.next()
		if p.tok.kind == RBRACE {
			break
		}
		if isDict {
			if p.tok.kind == STARSTAR {
				pos := p.tok.pos
				p.next()
				list = append(list, &StarredExpr{OpPos: pos, Op: STARSTAR, X: p.parseBitOr()})
				continue
			}
			k := p.parseTest()
			if p.tok.kind != COLON {
				p.errorf(k.Pos(), "':' expected after dictionary key")
			}
			colon := p.tok.pos
			p.next()
			v := p.parseTest()
			p.checkComma(v)
			list = append(list, &DictEntry{Key: k, Colon: colon, Value: v})
		} else {
			if p.tok.kind == STARSTAR {
				p.syntaxError()
			}
			x := p.parseStarOr(p.parseNamedExpr)
			p.checkComma(x)
			list = append(list, x)
			if p.tok.kind == COLON {
				p.syntaxError()
			}
		}
	}
	if !isDict {
		p.unparenthesizedTarget(list)
	}
	rbrace := p.expect(RBRACE)
	if isDict {
		return &DictExpr{Lbrace: lbrace, List: list, Rbrace: rbrace}
	}
	return &SetExpr{Lbrace: lbrace, List: list, Rbrace: rbrace}
}

// parseComprehension parses the for/if clauses after the body.
func (p *parser) parseComprehension(kind CompKind, lbrack Position, body Expr) *Comprehension {
	c := &Comprehension{Kind: kind, Lbrack: lbrack, Body: body}
	for {
		switch p.tok.kind {
		case FOR, ASYNC:
			fc := &ForClause{}
			if p.tok.kind == ASYNC {
				fc.Async, fc.AsyncPos = true, p.tok.pos
				p.next()
				if p.tok.kind != FOR {
					p.syntaxError()
				}
			}
			fc.For = p.tok.pos
			p.next()
			fc.Vars = p.parseTargetList()
			if p.tok.kind != IN {
				last := fc.Vars
				if t, ok := last.(*TupleExpr); ok && len(t.List) > 0 {
					last = t.List[len(t.List)-1]
				}
				p.checkComma(last)
				p.syntaxError()
			}
			p.checkTarget(fc.Vars, "assign", false)
			fc.In = p.tok.pos
			p.next()
			fc.X = p.parseOrTest()
			c.Clauses = append(c.Clauses, fc)
		case IF:
			ic := &IfClause{If: p.tok.pos}
			p.next()
			ic.Cond = p.parseTestNoCond()
			c.Clauses = append(c.Clauses, ic)
		default:
			return c
		}
	}
}

// checkSource refuses, as CPython's tokenizer does before it reads any
// token there, source text that is not UTF-8 (no encoding declaration is
// supported) and a NUL byte anywhere, in a string literal or a comment
// too: the first such byte, at its line and column.
func checkSource(filename string, src []byte) *Error {
	line, col := int32(1), int32(1)
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == 0:
			return &Error{File: filename, Pos: Position{line, col}, Msg: "source code cannot contain null bytes"}
		case c == '\n':
			line, col = line+1, 1
			i++
			continue
		case c < utf8.RuneSelf:
			col++
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return &Error{File: filename, Pos: Position{line, col}, Msg: fmt.Sprintf(
				"Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
				c, filename, line)}
		}
		col++
		i += n
	}
	return nil
}
