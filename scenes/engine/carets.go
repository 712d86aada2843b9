package engine

import (
	"strings"
	"unicode"

	"loopscope/scenes/python/py"
	"loopscope/scenes/python/syntax"
)

// carets is the line CPython 3.11 prints under a frame's source line to
// point at the expression that failed (traceback.format_frame_summary):
// '^' under it, or for a binary operation '~' under the operands and '^'
// under the operator, for a subscript '~' under the value and '^' under
// the brackets. Nothing when the expression is the whole line, or its
// position is unknown. line is the raw source line.
func carets(line string, fr py.TracebackEntry) string {
	if fr.Col <= 0 || fr.EndCol <= 0 || fr.EndLine < fr.Line {
		return ""
	}
	runes := []rune(line)
	stripped := strings.TrimSpace(line)
	strippedLen := len([]rune(stripped))
	// _original_line ends in the newline linecache adds; what strip()
	// removes on both sides (and that newline) is "stripped_characters".
	strippedChars := len(runes) + 1 - strippedLen
	start := fr.Col - 1
	end := fr.EndCol - 1
	if start > len(runes) {
		return ""
	}
	var left, right int
	anchored := false
	if fr.EndLine == fr.Line {
		if end > len(runes) {
			end = len(runes)
		}
		if end < start {
			return ""
		}
		left, right, anchored = anchors(runes[start:end])
	} else {
		end = len([]rune(strings.TrimRight(line, " \t\f\r\n")))
	}
	if !(end-start < strippedLen || anchored && right-left > 0) {
		return ""
	}
	dpStart := displayWidth(runes, start) + 1
	dpEnd := displayWidth(runes, end) + 1
	pad := dpStart - strippedChars
	if pad < 0 {
		pad = 0
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", pad))
	if anchored {
		seg := runes[start:end]
		dpLeft := displayWidth(seg, left)
		dpRight := displayWidth(seg, right)
		b.WriteString(strings.Repeat("~", dpLeft))
		b.WriteString(strings.Repeat("^", max(dpRight-dpLeft, 0)))
		b.WriteString(strings.Repeat("~", max(dpEnd-dpStart-dpRight, 0)))
	} else {
		b.WriteString(strings.Repeat("^", max(dpEnd-dpStart, 0)))
	}
	return b.String()
}

// displayWidth is traceback._display_width: the columns the first n runes
// take on a terminal, East Asian wide and full-width characters counting 2.
func displayWidth(runes []rune, n int) int {
	if n > len(runes) {
		n = len(runes)
	}
	w := 0
	for _, r := range runes[:n] {
		if wideRune(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// unparen is the expression CPython's ast has where the source has
// parentheses around it.
func unparen(x syntax.Expr) syntax.Expr {
	for {
		p, ok := x.(*syntax.ParenExpr)
		if !ok {
			return x
		}
		x = p.X
	}
}

// anchors is traceback._extract_caret_anchors_from_line_segment: for a
// segment that parses as one binary operation or subscript, where the
// secondary ('^') part starts and ends, in runes of the segment.
func anchors(seg []rune) (left, right int, ok bool) {
	x, err := syntax.ParseExpr("", []byte(string(seg)))
	if err != nil {
		return 0, 0, false
	}
	col := func(p syntax.Position) int { return int(p.Col) - 1 }
	space := func(r rune) bool { return unicode.IsSpace(r) }
	switch e := unparen(x).(type) {
	case *syntax.BinaryExpr:
		if e.X.End().Line != 1 || e.Y.Pos().Line != 1 {
			return 0, 0, false
		}
		lend := col(unparen(e.X).End())
		rstart := col(unparen(e.Y).Pos())
		if lend > rstart || rstart > len(seg) {
			return 0, 0, false
		}
		op := seg[lend:rstart]
		opOffset := len(op) - len([]rune(strings.TrimLeftFunc(string(op), space)))
		left = lend + opOffset
		right = left + 1
		if opOffset+1 < len(op) && !space(op[opOffset+1]) {
			right++
		}
		for left < len(seg) && (space(seg[left]) || seg[left] == ')' || seg[left] == '#') {
			left++
			right++
		}
		return left, right, true
	case *syntax.IndexExpr:
		if e.Y.End().Line != 1 {
			return 0, 0, false
		}
		left = col(unparen(e.X).End())
		right = col(unparen(e.Y).End()) + 1
		for left < len(seg) && seg[left] != '[' {
			left++
		}
		for right < len(seg) && seg[right] != ']' {
			right++
		}
		if right < len(seg) {
			right++
		}
		return left, right, true
	}
	return 0, 0, false
}
