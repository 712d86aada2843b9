package syntax

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a syntax error (or a construct outside the scene subset) at a
// position in a file.
type Error struct {
	File string
	Pos  Position
	Msg  string
}

// Error returns "file:line:col: msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// bailout is the panic value the scanner and parser use to stop at the
// first error; Parse recovers it.
type bailout struct {
	err          *Error
	scanner      bool  // raised by the scanner, or otherwise final
	override     bool  // a tokenizer error that CPython reports even after a parser error earlier in the file
	eofInBracket bool  // the scanner's "'(' was never closed" at the end of the file
	line         int32 // for parser errors, the line the parser had reached
}

// A token as produced by the scanner.
type token struct {
	kind  Token
	pos   Position // start
	end   Position // just after the last character
	raw   string   // source text
	str   string   // name of an IDENT, decoded value of a STRING or BYTES
	value interface{}
	// value: int64 or *big.Int for INT; float64 for FLOAT; *fstringLit for
	// FSTRING.
	bracket Position // innermost open bracket at the token (zero if none)
}

// fstringLit is the undecoded body of an f-string token.
type fstringLit struct {
	body    string   // text between the quotes
	bodyPos Position // position of the body's first character
	raw     bool     // rf"..."
}

type openBracket struct {
	ch  byte
	pos Position
}

// scanner turns source text into tokens, one logical line at a time.
type scanner struct {
	file  string
	src   []byte
	off   int   // byte offset of the next character
	line  int32 // line of the next character
	col   int32 // column (in runes) of the next character
	brack []openBracket

	indents    []int // indentation stack, tabs to multiples of 8
	altIndents []int // the same with tabs counting 1 (CPython's consistency check)

	lineStart bool    // at the beginning of a logical line
	pending   []token // tokens ready to hand out (INDENT/OUTDENT runs)
	last      Token   // kind of the last token handed out
	isNested  bool    // scanning an f-string replacement field
}

func newScanner(file string, src []byte, pos Position, nested bool) *scanner {
	sc := &scanner{
		file:       file,
		src:        src,
		line:       pos.Line,
		col:        pos.Col,
		indents:    []int{0},
		altIndents: []int{0},
		lineStart:  !nested,
		last:       NEWLINE,
		isNested:   nested,
	}
	if nested {
		// An f-string expression behaves as if parenthesised: newlines are
		// insignificant.
		sc.brack = append(sc.brack, openBracket{'(', pos})
	}
	return sc
}

// errorf reports a tokenizer error that CPython raises at once (bad
// literal, unterminated string, stray bracket, invalid character): it wins
// even over a parser error found earlier in the file.
func (sc *scanner) errorf(pos Position, format string, args ...interface{}) {
	panic(bailout{err: &Error{File: sc.file, Pos: pos, Msg: fmt.Sprintf(format, args...)}, scanner: true, override: true})
}

// softErrorf reports a scanner error that CPython raises only when the
// parser reaches it (indentation, line continuation, literal decoding) or
// that is a scene-subset refusal.
func (sc *scanner) softErrorf(pos Position, format string, args ...interface{}) {
	panic(bailout{err: &Error{File: sc.file, Pos: pos, Msg: fmt.Sprintf(format, args...)}, scanner: true})
}

func (sc *scanner) pos() Position { return Position{sc.line, sc.col} }

// peekRune returns the next rune without consuming it (0 at EOF).
func (sc *scanner) peekRune() rune {
	if sc.off >= len(sc.src) {
		return 0
	}
	b := sc.src[sc.off]
	if b < utf8.RuneSelf {
		return rune(b)
	}
	r, _ := utf8.DecodeRune(sc.src[sc.off:])
	return r
}

// peekByte returns the byte n ahead (0 past EOF).
func (sc *scanner) peekByte(n int) byte {
	if sc.off+n >= len(sc.src) {
		return 0
	}
	return sc.src[sc.off+n]
}

// readRune consumes one rune and updates line and column.
func (sc *scanner) readRune() rune {
	if sc.off >= len(sc.src) {
		return 0
	}
	r, size := rune(sc.src[sc.off]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRune(sc.src[sc.off:])
	}
	sc.off += size
	switch {
	case r == '\n':
		sc.line++
		sc.col = 1
	case r == '\r':
		if sc.peekByte(0) == '\n' {
			sc.off++
		}
		sc.line++
		sc.col = 1
		r = '\n'
	default:
		sc.col++
	}
	return r
}

// next returns the next token.
func (sc *scanner) next() token {
	if len(sc.pending) > 0 {
		t := sc.pending[0]
		sc.pending = sc.pending[1:]
		sc.last = t.kind
		return t
	}
	t := sc.scan()
	sc.last = t.kind
	return t
}

func (sc *scanner) innerBracket() Position {
	if n := len(sc.brack); n > 0 {
		return sc.brack[n-1].pos
	}
	return Position{}
}

func (sc *scanner) scan() token {
	if sc.lineStart {
		sc.lineStart = false
		if t, ok := sc.indentation(); ok {
			return t
		}
	}
	// CPython's NEWLINE token starts at a trailing comment, if any.
	var commentPos Position
skip:
	// Skip spaces, comments and line continuations.
	for {
		c := sc.peekByte(0)
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			sc.readRune()
		case c == '#':
			commentPos = sc.pos()
			for sc.off < len(sc.src) && sc.src[sc.off] != '\n' && sc.src[sc.off] != '\r' {
				sc.readRune()
			}
		case c == '\\':
			p := sc.pos()
			sc.readRune()
			switch sc.peekByte(0) {
			case '\n', '\r':
				sc.readRune()
				if sc.off >= len(sc.src) {
					sc.softErrorf(p, "unexpected EOF while parsing")
				}
			case 0:
				if sc.off >= len(sc.src) {
					sc.softErrorf(p, "unexpected EOF while parsing")
				}
				sc.softErrorf(p.add(1), "unexpected character after line continuation character")
			default:
				// CPython points just after the backslash.
				sc.softErrorf(p.add(1), "unexpected character after line continuation character")
			}
		default:
			break skip
		}
	}

	start := sc.pos()
	startOff := sc.off
	tok := func(k Token) token {
		return token{kind: k, pos: start, end: sc.pos(), bracket: sc.innerBracket()}
	}

	if sc.off >= len(sc.src) {
		if len(sc.brack) > 0 && !sc.nested() {
			b := sc.brack[len(sc.brack)-1]
			panic(bailout{err: &Error{File: sc.file, Pos: b.pos, Msg: fmt.Sprintf("'%c' was never closed", b.ch)}, scanner: true, eofInBracket: true})
		}
		if sc.last != NEWLINE && sc.last != OUTDENT && sc.last != INDENT && !sc.nested() {
			return tok(NEWLINE)
		}
		for len(sc.indents) > 1 {
			sc.indents = sc.indents[:len(sc.indents)-1]
			sc.altIndents = sc.altIndents[:len(sc.altIndents)-1]
			sc.pending = append(sc.pending, tok(OUTDENT))
		}
		sc.pending = append(sc.pending, tok(EOF))
		t := sc.pending[0]
		sc.pending = sc.pending[1:]
		return t
	}

	c := sc.peekRune()
	switch {
	case c == '\n' || c == '\r':
		sc.readRune()
		if len(sc.brack) > 0 {
			commentPos = Position{}
			goto skip
		}
		t := tok(NEWLINE)
		t.end = start.add(1)
		if commentPos.IsValid() {
			t.pos = commentPos
		}
		sc.lineStart = true
		return t
	case c == '_' || unicode.IsLetter(c) || c >= utf8.RuneSelf && isIdentStart(c):
		// identifier, keyword, or string prefix
		for {
			r := sc.peekRune()
			if r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || r >= utf8.RuneSelf && isIdentContinue(r) {
				sc.readRune()
				continue
			}
			break
		}
		wordBytes := sc.src[startOff:sc.off]
		if q := sc.peekByte(0); (q == '"' || q == '\'') && len(wordBytes) <= 2 && isStringPrefix(string(wordBytes)) {
			return sc.scanString(start, startOff, strings.ToLower(string(wordBytes)))
		}
		if k, ok := keywords[string(wordBytes)]; ok {
			t := tok(k)
			t.raw = tokenNames[k]
			return t
		}
		t := tok(IDENT)
		t.str = string(wordBytes)
		if !isASCII(wordBytes) {
			// Identifiers are NFKC-normalised, as CPython does (PEP 3131):
			// "ﬁle" is the name "file".
			t.str = normalizeIdent(t.str)
		}
		return t
	case c == '"' || c == '\'':
		return sc.scanString(start, startOff, "")
	case c >= '0' && c <= '9' || c == '.' && isDigit(sc.peekByte(1)):
		return sc.scanNumber(start, startOff)
	}

	// punctuation
	sc.readRune()
	switch c {
	case '(', '[', '{':
		if len(sc.brack) >= 200 {
			sc.errorf(start, "too many nested parentheses")
		}
		sc.brack = append(sc.brack, openBracket{byte(c), start})
		switch c {
		case '(':
			return tok(LPAREN)
		case '[':
			return tok(LBRACK)
		}
		return tok(LBRACE)
	case ')', ']', '}':
		want, k := byte('('), RPAREN
		switch c {
		case ']':
			want, k = '[', RBRACK
		case '}':
			want, k = '{', RBRACE
		}
		n := len(sc.brack)
		if n == 0 || sc.nested() && n == 1 {
			sc.errorf(start, "unmatched '%c'", c)
		}
		if open := sc.brack[n-1]; open.ch != want {
			if open.pos.Line != start.Line {
				sc.errorf(start, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.ch, open.pos.Line)
			}
			sc.errorf(start, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
		}
		sc.brack = sc.brack[:n-1]
		return tok(k)
	case ',':
		return tok(COMMA)
	case ';':
		return tok(SEMI)
	case '~':
		return tok(TILDE)
	case '.':
		if sc.peekByte(0) == '.' && sc.peekByte(1) == '.' {
			sc.readRune()
			sc.readRune()
			return tok(ELLIPSIS)
		}
		return tok(DOT)
	case ':':
		if sc.peekByte(0) == '=' {
			sc.readRune()
			return tok(COLONEQ)
		}
		return tok(COLON)
	case '!':
		if sc.peekByte(0) == '=' {
			sc.readRune()
			return tok(NEQ)
		}
		return tok(ILLEGAL)
	case '-':
		if sc.peekByte(0) == '>' {
			sc.readRune()
			return tok(ARROW)
		}
		return sc.opEq(tok, MINUS, MINUS_EQ)
	case '+':
		return sc.opEq(tok, PLUS, PLUS_EQ)
	case '%':
		return sc.opEq(tok, PERCENT, PERCENT_EQ)
	case '@':
		return sc.opEq(tok, AT, AT_EQ)
	case '&':
		return sc.opEq(tok, AMP, AMP_EQ)
	case '|':
		return sc.opEq(tok, PIPE, PIPE_EQ)
	case '^':
		return sc.opEq(tok, CIRCUMFLEX, CIRCUMFLEX_EQ)
	case '=':
		return sc.opEq(tok, EQ, EQL)
	case '*':
		if sc.peekByte(0) == '*' {
			sc.readRune()
			return sc.opEq(tok, STARSTAR, STARSTAR_EQ)
		}
		return sc.opEq(tok, STAR, STAR_EQ)
	case '/':
		if sc.peekByte(0) == '/' {
			sc.readRune()
			return sc.opEq(tok, SLASHSLASH, SLASHSLASH_EQ)
		}
		return sc.opEq(tok, SLASH, SLASH_EQ)
	case '<':
		if sc.peekByte(0) == '<' {
			sc.readRune()
			return sc.opEq(tok, LTLT, LTLT_EQ)
		}
		if sc.peekByte(0) == '>' { // the old <> operator
			sc.readRune()
			return tok(ILLEGAL)
		}
		return sc.opEq(tok, LT, LE)
	case '>':
		if sc.peekByte(0) == '>' {
			sc.readRune()
			return sc.opEq(tok, GTGT, GTGT_EQ)
		}
		return sc.opEq(tok, GT, GE)
	}
	if c == utf8.RuneError {
		sc.softErrorf(start, "invalid UTF-8 in source")
	}
	if c < 0x80 && unicode.IsPrint(c) {
		// $, ?, ` are tokens the parser rejects ("invalid syntax").
		return tok(ILLEGAL)
	}
	if unicode.IsPrint(c) {
		sc.errorf(start, "invalid character '%c' (U+%04X)", c, c)
	}
	sc.errorf(start, "invalid non-printable character U+%04X", c)
	panic("unreachable")
}

// nested reports whether this scanner reads an f-string expression.
func (sc *scanner) nested() bool { return sc.isNested }

func (sc *scanner) opEq(tok func(Token) token, plain, eq Token) token {
	if sc.peekByte(0) == '=' {
		sc.readRune()
		return tok(eq)
	}
	return tok(plain)
}

// indentation measures the indentation of a new line, skipping blank and
// comment-only lines, and returns an INDENT or OUTDENT token if it changes.
func (sc *scanner) indentation() (token, bool) {
	for {
		col, alt := 0, 0
		for {
			switch sc.peekByte(0) {
			case ' ':
				col++
				alt++
			case '\t':
				col = (col/8 + 1) * 8
				alt++
			case '\f':
				col, alt = 0, 0
			default:
				goto measured
			}
			sc.readRune()
		}
	measured:
		c := sc.peekByte(0)
		if c == '#' || c == '\n' || c == '\r' {
			// blank or comment-only line: no tokens, no indentation change
			for sc.off < len(sc.src) && sc.src[sc.off] != '\n' && sc.src[sc.off] != '\r' {
				sc.readRune()
			}
			if sc.off < len(sc.src) {
				sc.readRune()
				continue
			}
			return token{}, false
		}
		if sc.off >= len(sc.src) {
			return token{}, false
		}
		pos := sc.pos()
		top := len(sc.indents) - 1
		t := token{pos: pos, end: pos}
		switch {
		case col == sc.indents[top]:
			if alt != sc.altIndents[top] {
				sc.softErrorf(Position{pos.Line, 1}, "inconsistent use of tabs and spaces in indentation")
			}
			return token{}, false
		case col > sc.indents[top]:
			if alt <= sc.altIndents[top] {
				sc.softErrorf(Position{pos.Line, 1}, "inconsistent use of tabs and spaces in indentation")
			}
			if len(sc.indents) >= 100 {
				sc.softErrorf(pos, "too many levels of indentation")
			}
			sc.indents = append(sc.indents, col)
			sc.altIndents = append(sc.altIndents, alt)
			t.kind = INDENT
			return t, true
		}
		for len(sc.indents) > 1 && col < sc.indents[len(sc.indents)-1] {
			sc.indents = sc.indents[:len(sc.indents)-1]
			sc.altIndents = sc.altIndents[:len(sc.altIndents)-1]
			t.kind = OUTDENT
			sc.pending = append(sc.pending, t)
		}
		top = len(sc.indents) - 1
		if col != sc.indents[top] {
			// CPython reports this at the end of the line.
			sc.softErrorf(sc.lineEnd(), "unindent does not match any outer indentation level")
		}
		if alt != sc.altIndents[top] {
			sc.softErrorf(Position{pos.Line, 1}, "inconsistent use of tabs and spaces in indentation")
		}
		t = sc.pending[0]
		sc.pending = sc.pending[1:]
		return t, true
	}
}

// lineEnd returns the position just after the last character of the
// current line.
func (sc *scanner) lineEnd() Position {
	pos := sc.pos()
	for i := sc.off; i < len(sc.src) && sc.src[i] != '\n' && sc.src[i] != '\r'; {
		_, n := utf8.DecodeRune(sc.src[i:])
		i += n
		pos.Col++
	}
	return pos
}

// lastLine returns the number of the last line with text, as CPython's
// "detected at line N" counts it.
func (sc *scanner) lastLine() int32 {
	if n := len(sc.src); n > 0 && sc.off >= n && (sc.src[n-1] == '\n' || sc.src[n-1] == '\r') {
		return sc.line - 1
	}
	return sc.line
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isIdentStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIdentContinue(r rune) bool {
	return isIdentStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// scanString scans a string literal whose prefix (lower-cased) has been
// read; the next character is the opening quote.
func (sc *scanner) scanString(start Position, startOff int, prefix string) token {
	q := sc.peekByte(0)
	triple := sc.peekByte(1) == q && sc.peekByte(2) == q
	n := 1
	if triple {
		n = 3
	}
	for i := 0; i < n; i++ {
		sc.readRune()
	}
	bodyPos := sc.pos()
	bodyOff := sc.off
	var bodyEnd int
	for {
		if sc.off >= len(sc.src) {
			if triple {
				sc.errorf(start, "unterminated triple-quoted string literal (detected at line %d)", sc.lastLine())
			}
			sc.errorf(start, "unterminated string literal (detected at line %d)", sc.lastLine())
		}
		c := sc.src[sc.off]
		if c == q {
			if !triple {
				bodyEnd = sc.off
				sc.readRune()
				break
			}
			if sc.peekByte(1) == q && sc.peekByte(2) == q {
				bodyEnd = sc.off
				sc.readRune()
				sc.readRune()
				sc.readRune()
				break
			}
		}
		if (c == '\n' || c == '\r') && !triple {
			sc.errorf(start, "unterminated string literal (detected at line %d)", sc.line)
		}
		if c == '\\' {
			sc.readRune()
			if sc.off >= len(sc.src) {
				continue
			}
		}
		sc.readRune()
	}
	body := string(sc.src[bodyOff:bodyEnd])
	raw := strings.ContainsRune(prefix, 'r')
	t := token{pos: start, end: sc.pos(), raw: string(sc.src[startOff:sc.off]), bracket: sc.innerBracket()}
	switch {
	case strings.ContainsRune(prefix, 'f'):
		t.kind = FSTRING
		t.value = &fstringLit{body: body, bodyPos: bodyPos, raw: raw}
	case strings.ContainsRune(prefix, 'b'):
		t.kind = BYTES
		for i := 0; i < len(body); i++ {
			if body[i] >= utf8.RuneSelf {
				sc.softErrorf(start, "bytes can only contain ASCII literal characters")
			}
		}
		t.str = sc.unquote(body, raw, true, start)
	default:
		t.kind = STRING
		t.str = sc.unquote(body, raw, false, start)
	}
	return t
}

// unquote decodes the escape sequences of a string or bytes literal body.
func (sc *scanner) unquote(body string, raw, isBytes bool, pos Position) string {
	if raw || !strings.ContainsRune(body, '\\') {
		return strings.ReplaceAll(body, "\r\n", "\n")
	}
	s, err := decodeEscapes(body, isBytes)
	if err != "" {
		sc.softErrorf(pos, "%s", err)
	}
	return s
}

// decodeEscapes decodes Python escape sequences; it returns an error
// sentence if one is malformed.
func decodeEscapes(body string, isBytes bool) (string, string) {
	var b strings.Builder
	kind := "unicodeescape"
	if isBytes {
		kind = "bytes"
	}
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			if c == '\r' {
				b.WriteByte('\n')
				i++
				if i < len(body) && body[i] == '\n' {
					i++
				}
				continue
			}
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(body) {
			b.WriteByte('\\')
			break
		}
		e := body[i+1]
		i += 2
		switch e {
		case '\n':
		case '\r':
			if i < len(body) && body[i] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(e - '0')
			for k := 0; k < 2 && i < len(body) && body[i] >= '0' && body[i] <= '7'; k++ {
				v = v*8 + int(body[i]-'0')
				i++
			}
			if isBytes {
				b.WriteByte(byte(v))
			} else {
				b.WriteRune(rune(v))
			}
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if isBytes && e != 'x' {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			if i+n > len(body) {
				return "", fmt.Sprintf("(%s error) truncated \\%c escape", kind, e)
			}
			v, err := strconv.ParseUint(body[i:i+n], 16, 32)
			if err != nil {
				return "", fmt.Sprintf("(%s error) truncated \\%c escape", kind, e)
			}
			i += n
			switch {
			case isBytes:
				b.WriteByte(byte(v))
			case v > unicode.MaxRune:
				return "", "(unicode error) illegal Unicode character"
			default:
				b.WriteRune(SurrogateRune(rune(v)))
			}
		case 'N':
			if isBytes {
				b.WriteString("\\N")
				continue
			}
			return "", "\\N{...} escapes are not supported in scenes: write the character itself, or a \\uXXXX escape"
		default:
			// Unknown escapes are kept, as CPython does (with a warning).
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), ""
}

// scanNumber scans an int or float literal.
func (sc *scanner) scanNumber(start Position, startOff int) token {
	digits := func(ok func(byte) bool) {
		for {
			c := sc.peekByte(0)
			if ok(c) {
				sc.readRune()
				continue
			}
			if c == '_' && ok(sc.peekByte(1)) {
				sc.readRune()
				continue
			}
			return
		}
	}
	isFloat := false
	c0, c1 := sc.peekByte(0), sc.peekByte(1)
	if c0 == '0' && strings.ContainsRune("xXoObB", rune(c1)) {
		var ok func(byte) bool
		base := 16
		switch c1 {
		case 'x', 'X':
			ok = func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
		case 'o', 'O':
			ok, base = func(c byte) bool { return c >= '0' && c <= '7' }, 8
		default:
			ok, base = func(c byte) bool { return c == '0' || c == '1' }, 2
		}
		sc.readRune()
		sc.readRune()
		if sc.peekByte(0) == '_' {
			sc.readRune()
		}
		if !ok(sc.peekByte(0)) {
			sc.errorf(sc.numberErrPos(), "invalid %s literal", map[int]string{16: "hexadecimal", 8: "octal", 2: "binary"}[base])
		}
		digits(ok)
		if r := sc.peekRune(); r == '_' || isDigit(byte(r)) || unicode.IsLetter(r) {
			sc.errorf(sc.numberErrPos(), "invalid %s literal", map[int]string{16: "hexadecimal", 8: "octal", 2: "binary"}[base])
		}
		text := strings.ReplaceAll(string(sc.src[startOff+2:sc.off]), "_", "")
		return sc.intToken(start, startOff, text, base)
	}
	digits(isDigit)
	intEnd := sc.off
	if sc.peekByte(0) == '.' {
		isFloat = true
		sc.readRune()
		digits(isDigit)
	}
	if c := sc.peekByte(0); c == 'e' || c == 'E' {
		c1 := sc.peekByte(1)
		if isDigit(c1) || (c1 == '+' || c1 == '-') && isDigit(sc.peekByte(2)) {
			isFloat = true
			sc.readRune()
			if c1 == '+' || c1 == '-' {
				sc.readRune()
			}
			digits(isDigit)
		}
	}
	if c := sc.peekByte(0); c == 'j' || c == 'J' {
		sc.readRune()
		sc.softErrorf(start, "complex numbers are not supported in scenes: keep the real and imaginary parts in two floats")
	}
	if r := sc.peekRune(); r == '_' || r != 0 && (unicode.IsLetter(r) || isDigit(byte(r))) {
		if !isKeywordAhead(sc.src[sc.off:]) {
			sc.errorf(sc.numberErrPos(), "invalid decimal literal")
		}
	}
	text := strings.ReplaceAll(string(sc.src[startOff:sc.off]), "_", "")
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			sc.errorf(start, "invalid float literal")
		}
		t := token{kind: FLOAT, pos: start, end: sc.pos(), raw: string(sc.src[startOff:sc.off]), value: f, bracket: sc.innerBracket()}
		return t
	}
	intText := strings.ReplaceAll(string(sc.src[startOff:intEnd]), "_", "")
	if len(intText) > 1 && intText[0] == '0' && strings.Trim(intText, "0") != "" {
		sc.errorf(start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
	}
	return sc.intToken(start, startOff, intText, 10)
}

// numberErrPos is where CPython reports a malformed number: at a stray
// '_', or else at the last character it accepted.
func (sc *scanner) numberErrPos() Position {
	if sc.peekByte(0) == '_' {
		return sc.pos()
	}
	return sc.pos().add(-1)
}

// isKeywordAhead reports whether b starts with a keyword CPython accepts
// right after a number (1if x else 2).
func isKeywordAhead(b []byte) bool {
	for _, kw := range []string{"and", "else", "for", "if", "in", "is", "not", "or"} {
		if strings.HasPrefix(string(b), kw) {
			rest := b[len(kw):]
			if len(rest) == 0 || !(rest[0] == '_' || isDigit(rest[0]) || rest[0] >= 'a' && rest[0] <= 'z' || rest[0] >= 'A' && rest[0] <= 'Z') {
				return true
			}
		}
	}
	return false
}

func (sc *scanner) intToken(start Position, startOff int, text string, base int) token {
	t := token{kind: INT, pos: start, end: sc.pos(), raw: string(sc.src[startOff:sc.off]), bracket: sc.innerBracket()}
	if v, err := strconv.ParseInt(text, base, 64); err == nil {
		t.value = v
		return t
	}
	if len(text) > 4300 && base == 10 {
		sc.softErrorf(start, "Exceeds the limit (4300 digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", len(text))
	}
	z, ok := new(big.Int).SetString(text, base)
	if !ok {
		sc.errorf(start, "invalid decimal literal")
	}
	t.value = z
	return t
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
