package syntax

import (
	"strings"
	"unicode/utf8"
)

// A Color is how an editor colours a run of source.
type Color uint8

// The colors Highlight gives. Text outside every span is plain: names,
// punctuation, spaces.
const (
	ColorKeyword   Color = iota + 1 // def, if, return, ...
	ColorAsyncWord                  // async and await
	ColorConstant                   // True, False, None
	ColorString                     // string, bytes and f-string literals
	ColorNumber                     // int and float literals
	ColorComment                    // from # to the end of the line
	ColorDefName                    // the name a def or class statement defines
	ColorDecorator                  // @name.attr on a decorator line
	ColorBuiltin                    // a builtin's name (print, len, ...)
)

// A Span is a run of source in one color: src[Start:End], byte offsets.
type Span struct {
	Start, End int
	Color      Color
}

// Highlight colours src for an editor with the scanner that reads scenes,
// so the colours are Python's as loopscope reads it. It never fails: where
// the scanner stops at an error (an unterminated string while the learner
// types), it colours the rest of that line as a string (or the rest of the
// file, for an unterminated triple-quoted string) and reads on after it.
// builtin, when not nil, reports which plain names are builtins.
// Spans come in source order and do not overlap.
func Highlight(src []byte, builtin func(name string) bool) []Span {
	h := &highlighter{src: src, builtin: builtin}
	h.lineStarts()
	at, lineStart := Position{1, 1}, true
	for {
		next, nextLineStart, done := h.scanFrom(at, lineStart)
		if done || h.offset(next) <= h.offset(at) && next.Line <= at.Line {
			break
		}
		at, lineStart = next, nextLineStart
	}
	h.comments()
	return h.out
}

type highlighter struct {
	src     []byte
	builtin func(string) bool
	starts  []int // byte offset of each line's first byte (line n at starts[n-1])
	out     []Span
}

func (h *highlighter) lineStarts() {
	first := 0
	if len(h.src) >= 3 && h.src[0] == 0xEF && h.src[1] == 0xBB && h.src[2] == 0xBF {
		first = 3 // the byte order mark: columns count after it
	}
	h.starts = append(h.starts, first)
	for i := first; i < len(h.src); i++ {
		switch h.src[i] {
		case '\n':
			h.starts = append(h.starts, i+1)
		case '\r':
			if i+1 < len(h.src) && h.src[i+1] == '\n' {
				i++
			}
			h.starts = append(h.starts, i+1)
		}
	}
}

// offset turns a scanner position (line, column in runes, from 1) into a
// byte offset; a column past the end of its line is the line's end.
func (h *highlighter) offset(p Position) int {
	if p.Line < 1 {
		return 0
	}
	if int(p.Line) > len(h.starts) {
		return len(h.src)
	}
	off := h.starts[p.Line-1]
	for c := int32(1); c < p.Col && off < len(h.src) && h.src[off] != '\n' && h.src[off] != '\r'; c++ {
		if b := h.src[off]; b < utf8.RuneSelf {
			off++
		} else {
			_, n := utf8.DecodeRune(h.src[off:])
			off += n
		}
	}
	return off
}

// lineEnd returns the offset of the end of the line holding off (before
// its newline).
func (h *highlighter) lineEnd(off int) int {
	for off < len(h.src) && h.src[off] != '\n' && h.src[off] != '\r' {
		off++
	}
	return off
}

// indents returns the indentation stack Python would have at the start of
// line n, judged from the lines above it (blank and comment lines aside).
func (h *highlighter) indents(n int32) []int {
	stack := []int{0}
	for l := int32(1); l < n; l++ {
		off, col := h.starts[l-1], 0
		for ; off < len(h.src); off++ {
			if c := h.src[off]; c == ' ' {
				col++
			} else if c == '\t' {
				col = (col/8 + 1) * 8
			} else {
				break
			}
		}
		if off >= len(h.src) || h.src[off] == '#' || h.src[off] == '\n' || h.src[off] == '\r' {
			continue
		}
		for len(stack) > 1 && col < stack[len(stack)-1] {
			stack = stack[:len(stack)-1]
		}
		if col > stack[len(stack)-1] {
			stack = append(stack, col)
		}
	}
	return stack
}

func (h *highlighter) add(start, end int, c Color) {
	if end <= start {
		return
	}
	if n := len(h.out); n > 0 && h.out[n-1].End > start {
		return // never overlap what is already coloured
	}
	h.out = append(h.out, Span{start, end, c})
}

// scanFrom scans from position at (lineStart: at the start of a line, where
// indentation counts) to the end of the file (done), or to an error, after
// which it returns where to read on.
func (h *highlighter) scanFrom(at Position, lineStart bool) (next Position, nextLineStart, done bool) {
	sc := newScanner("", h.src[h.offset(at):], at, false)
	sc.lineStart = lineStart
	sc.indents = h.indents(at.Line)
	sc.altIndents = append([]int(nil), sc.indents...)
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		b, isBail := r.(bailout)
		if !isBail || b.err == nil {
			panic(r)
		}
		if b.eofInBracket {
			done = true // every token before the end was read
			return
		}
		p := b.err.Pos
		off := h.offset(p)
		end := h.lineEnd(off)
		if strings.HasPrefix(b.err.Msg, "unterminated ") {
			if strings.HasPrefix(b.err.Msg, "unterminated triple-quoted") {
				end = len(h.src)
			}
			h.add(off, end, ColorString)
		} else if strings.Contains(b.err.Msg, "indent") || strings.Contains(b.err.Msg, "tabs and spaces") {
			// Indentation is the parser's business: colour the line as it is.
			next = Position{p.Line, 1}
			for o := h.starts[p.Line-1]; o < end && (h.src[o] == ' ' || h.src[o] == '\t' || h.src[o] == '\f'); o++ {
				next.Col++
			}
			if next.Col > 1 && h.offset(next) < end {
				return
			}
		} else if off < end {
			// Read on after the character the scanner stopped at.
			_, n := utf8.DecodeRune(h.src[off:])
			if off+n < end {
				next = Position{p.Line, p.Col + 1}
				return
			}
		}
		if int(p.Line) >= len(h.starts) || end >= len(h.src) {
			done = true
			return
		}
		next, nextLineStart = Position{h.lineOf(end) + 1, 1}, true
	}()
	prev := NEWLINE
	if !lineStart {
		prev = ILLEGAL
	}
	decorating := false
	for {
		t := sc.next()
		switch t.kind {
		case EOF:
			return Position{}, false, true
		case NEWLINE, INDENT, OUTDENT:
			decorating = false
			prev = t.kind
			continue
		}
		start, end := h.offset(t.pos), h.offset(t.end)
		switch {
		case t.kind == ASYNC || t.kind == AWAIT:
			h.add(start, end, ColorAsyncWord)
		case t.kind == TRUE || t.kind == FALSE || t.kind == NONE:
			h.add(start, end, ColorConstant)
		case t.kind >= FALSE && t.kind <= YIELD:
			h.add(start, end, ColorKeyword)
		case t.kind == STRING || t.kind == BYTES || t.kind == FSTRING:
			h.add(start, end, ColorString)
		case t.kind == INT || t.kind == FLOAT:
			h.add(start, end, ColorNumber)
		case t.kind == AT && (prev == NEWLINE || prev == INDENT || prev == OUTDENT):
			decorating = true
			h.add(start, end, ColorDecorator)
		case decorating && (t.kind == IDENT || t.kind == DOT):
			h.add(start, end, ColorDecorator)
		case t.kind == IDENT && (prev == DEF || prev == CLASS):
			h.add(start, end, ColorDefName)
		case t.kind == IDENT && prev != DOT && h.builtin != nil && h.builtin(t.str):
			h.add(start, end, ColorBuiltin)
		default:
			decorating = false
		}
		prev = t.kind
	}
}

// lineOf returns the 1-based line holding byte offset off.
func (h *highlighter) lineOf(off int) int32 {
	lo, hi := 0, len(h.starts)
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if h.starts[m] <= off {
			lo = m
		} else {
			hi = m
		}
	}
	return int32(lo + 1)
}

// comments colours the comments: the scanner skips them, so they are the
// '#' found outside every span, to the end of their line.
func (h *highlighter) comments() {
	var out []Span
	i, si := 0, 0
	for i < len(h.src) {
		if si < len(h.out) && i >= h.out[si].Start {
			out = append(out, h.out[si])
			i = h.out[si].End
			si++
			continue
		}
		if h.src[i] == '#' {
			end := h.lineEnd(i)
			if si < len(h.out) && h.out[si].Start < end {
				// Cannot happen for a scanned line (a token after a comment
				// on one line); keep the token's colour if it does.
				end = h.out[si].Start
			}
			out = append(out, Span{i, end, ColorComment})
			i = end
			continue
		}
		i++
	}
	out = append(out, h.out[si:]...)
	h.out = out
}
