package syntax

import (
	"strings"
	"unicode/utf8"
)

// parseStrings parses a run of adjacent string literals into one *Literal
// or, if any piece is an f-string, one *FString.
func (p *parser) parseStrings() Expr {
	var toks []token
	for p.tok.kind == STRING || p.tok.kind == BYTES || p.tok.kind == FSTRING {
		toks = append(toks, p.tok)
		p.next()
	}
	first, last := toks[0], toks[len(toks)-1]
	hasBytes, hasStr, hasF := false, false, false
	for _, t := range toks {
		switch t.kind {
		case BYTES:
			hasBytes = true
		case FSTRING:
			hasF = true
			hasStr = true
		default:
			hasStr = true
		}
	}
	if hasBytes && hasStr {
		// CPython reports this just after the last piece.
		p.errorf(last.end, "cannot mix bytes and nonbytes literals")
	}
	if !hasF {
		var b strings.Builder
		for _, t := range toks {
			b.WriteString(t.str)
		}
		return &Literal{Token: first.kind, TokenPos: first.pos, EndPos: last.end, Raw: first.raw, Value: b.String()}
	}
	fs := &FString{Start: first.pos, EndPos: last.end}
	for _, t := range toks {
		if t.kind == STRING {
			fs.Parts = appendLit(fs.Parts, t.str)
			continue
		}
		lit := t.value.(*fstringLit)
		fsc := &fscan{p: p, s: lit.body, pos: lit.bodyPos, raw: lit.raw, errPos: t.end}
		for _, part := range fsc.parts(0) {
			if part.Field == nil {
				fs.Parts = appendLit(fs.Parts, part.Lit)
			} else {
				fs.Parts = append(fs.Parts, part)
			}
		}
	}
	return fs
}

// appendLit appends literal text, merging it with a preceding literal.
func appendLit(parts []FStringPart, s string) []FStringPart {
	if s == "" {
		return parts
	}
	if n := len(parts); n > 0 && parts[n-1].Field == nil {
		parts[n-1].Lit += s
		return parts
	}
	return append(parts, FStringPart{Lit: s})
}

// fscan walks the body of one f-string.
type fscan struct {
	p      *parser
	s      string
	i      int
	pos    Position // position of s[i]
	raw    bool
	errPos Position // where f-string errors are reported (the token's end, as CPython 3.11 does)
}

func (f *fscan) fail(msg string) {
	f.p.errorf(f.errPos, "%s", msg)
}

func (f *fscan) peek(n int) byte {
	if f.i+n < len(f.s) {
		return f.s[f.i+n]
	}
	return 0
}

// adv moves past one rune.
func (f *fscan) adv() {
	if f.i >= len(f.s) {
		return
	}
	c := f.s[f.i]
	switch {
	case c == '\n':
		f.i++
		f.pos = Position{f.pos.Line + 1, 1}
	case c == '\r':
		f.i++
		if f.peek(0) == '\n' {
			f.i++
		}
		f.pos = Position{f.pos.Line + 1, 1}
	case c < utf8.RuneSelf:
		f.i++
		f.pos.Col++
	default:
		_, n := utf8.DecodeRuneInString(f.s[f.i:])
		f.i += n
		f.pos.Col++
	}
}

// parts parses literal text and fields up to the end of the body (depth 0)
// or up to the '}' that closes a format spec (depth > 0, not consumed).
func (f *fscan) parts(depth int) []FStringPart {
	var parts []FStringPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() == 0 {
			return
		}
		s := lit.String()
		lit.Reset()
		if !f.raw && strings.ContainsRune(s, '\\') {
			dec, err := decodeEscapes(s, false)
			if err != "" {
				f.fail(err)
			}
			s = dec
		} else {
			s = strings.ReplaceAll(s, "\r\n", "\n")
		}
		parts = appendLit(parts, s)
	}
	for f.i < len(f.s) {
		c := f.s[f.i]
		switch {
		case c == '{':
			if depth == 0 && f.peek(1) == '{' {
				lit.WriteByte('{')
				f.adv()
				f.adv()
				continue
			}
			flush()
			parts = append(parts, FStringPart{Field: f.field(depth)})
		case c == '}':
			if depth > 0 {
				flush()
				return parts
			}
			if f.peek(1) == '}' {
				lit.WriteByte('}')
				f.adv()
				f.adv()
				continue
			}
			f.fail("f-string: single '}' is not allowed")
		case c == '\\' && !f.raw:
			if f.peek(1) == 'N' && f.peek(2) == '{' {
				f.fail("\\N{...} escapes are not supported in scenes: write the character itself, or a \\uXXXX escape")
			}
			lit.WriteByte(c)
			f.adv()
			if n := f.peek(0); n != '{' && n != '}' && f.i < len(f.s) {
				start := f.i
				f.adv()
				lit.WriteString(f.s[start:f.i])
			}
		default:
			start := f.i
			f.adv()
			lit.WriteString(f.s[start:f.i])
		}
	}
	if depth > 0 {
		f.fail("f-string: expecting '}'")
	}
	flush()
	return parts
}

// field parses one replacement field; f.s[f.i] is '{'.
func (f *fscan) field(depth int) *FStringField {
	fd := &FStringField{Lbrace: f.pos}
	if depth >= 2 {
		f.fail("f-string: expressions nested too deeply")
	}
	f.adv()
	start, startPos := f.i, f.pos
	var stack []byte
	var quote byte
	stop := byte(0)
scan:
	for {
		if f.i >= len(f.s) {
			if quote != 0 {
				f.fail("f-string: unterminated string")
			}
			f.fail("f-string: expecting '}'")
		}
		c := f.s[f.i]
		if c == '\\' {
			f.fail("f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			f.adv()
			continue
		}
		switch c {
		case '\'', '"':
			quote = c
		case '(', '[', '{':
			stack = append(stack, c)
		case ')', ']', '}':
			if len(stack) == 0 {
				if c == '}' {
					stop = c
					break scan
				}
				f.fail("f-string: unmatched '" + string(c) + "'")
			}
			open := stack[len(stack)-1]
			if want := map[byte]byte{')': '(', ']': '[', '}': '{'}[c]; open != want {
				f.fail("f-string: closing parenthesis '" + string(c) + "' does not match opening parenthesis '" + string(open) + "'")
			}
			stack = stack[:len(stack)-1]
		case '#':
			f.fail("f-string expression part cannot include '#'")
		case '!':
			if len(stack) == 0 && f.peek(1) != '=' {
				stop = c
				break scan
			}
			if f.peek(1) == '=' {
				f.adv()
			}
		case ':':
			if len(stack) == 0 {
				stop = c
				break scan
			}
		case '=':
			if f.peek(1) == '=' {
				f.adv()
				break
			}
			prev := byte(0)
			if f.i > start {
				prev = f.s[f.i-1]
			}
			if len(stack) == 0 && prev != '=' && prev != '!' && prev != '<' && prev != '>' {
				stop = c
				break scan
			}
		case '<', '>':
			if f.peek(1) == '=' {
				f.adv()
			}
		}
		f.adv()
	}
	if quote != 0 {
		f.fail("f-string: expecting '}'")
	}
	src := f.s[start:f.i]
	if strings.TrimSpace(src) == "" {
		f.fail("f-string: empty expression not allowed")
	}
	fd.X = f.p.parseFieldExpr(src, startPos)
	if stop == '=' {
		f.adv()
		for f.i < len(f.s) && (f.s[f.i] == ' ' || f.s[f.i] == '\t') {
			f.adv()
		}
		fd.Debug = f.s[start:f.i]
		if f.i >= len(f.s) {
			f.fail("f-string: expecting '}'")
		}
		stop = f.s[f.i]
	}
	if stop == '!' {
		f.adv()
		switch c := f.peek(0); c {
		case 's', 'r', 'a':
			fd.Conversion = rune(c)
			f.adv()
		default:
			f.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		if c := f.peek(0); c != ':' && c != '}' {
			f.fail("f-string: expecting '}'")
		}
		stop = f.s[f.i]
	}
	if stop == ':' {
		f.adv()
		spec := &FString{Start: f.pos}
		spec.Parts = f.parts(depth + 1)
		spec.EndPos = f.pos
		fd.Spec = spec
		stop = '}'
	}
	if stop != '}' || f.peek(0) != '}' {
		f.fail("f-string: expecting '}'")
	}
	fd.Rbrace = f.pos
	f.adv()
	return fd
}

// parseFieldExpr parses the expression of a replacement field, which
// starts at pos in the file.
func (p *parser) parseFieldExpr(src string, pos Position) Expr {
	if p.fdepth > 20 {
		p.errorf(pos, "f-string: expressions nested too deeply")
	}
	defer func() {
		// Errors inside a replacement field read "f-string: ..." as in
		// CPython 3.11 (positions stay exact).
		if r := recover(); r != nil {
			if b, ok := r.(bailout); ok && !strings.HasPrefix(b.err.Msg, "f-string") {
				b.err.Msg = "f-string: " + b.err.Msg
				b.scanner = true
				panic(b)
			}
			panic(r)
		}
	}()
	sub := newParser(p.file, []byte(src), pos, true)
	sub.fdepth = p.fdepth + 1
	var x Expr
	if sub.tok.kind == YIELD {
		x = sub.parseYield()
	} else {
		x = sub.parseTestListStarExpr()
	}
	if sub.tok.kind != EOF {
		sub.checkComma(x)
		sub.syntaxError()
	}
	if st, ok := x.(*StarredExpr); ok {
		p.errorf(st.OpPos, "f-string: cannot use starred expression here")
	}
	return x
}
