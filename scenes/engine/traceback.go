package engine

import (
	"fmt"
	"strings"

	"loopscope/scenes/python/py"
)

// tbPrinter formats an uncaught exception as CPython 3.11's
// traceback.TracebackException.format does, including its boxes for
// exception groups (nested ones too) and the limits of 15 members per
// group and 10 levels of nesting.
type tbPrinter struct {
	b         strings.Builder
	lines     []string
	seen      map[*py.Exception]bool
	depth     int  // exception group nesting (_ExceptionPrintContext.exception_group_depth)
	needClose bool // a box is still open
}

const (
	maxGroupWidth = 15
	maxGroupDepth = 10
	causeMessage  = "\nThe above exception was the direct cause of the following exception:\n\n"
	contextMsg    = "\nDuring handling of the above exception, another exception occurred:\n\n"
)

func (p *tbPrinter) indent() string { return strings.Repeat(" ", 2*p.depth) }

// emit writes text with the current indent (and, inside a group, the
// margin character) before every line.
func (p *tbPrinter) emit(text string, margin byte) {
	ind := p.indent()
	if p.depth > 0 {
		ind += string(margin) + " "
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		if line != "" {
			p.b.WriteString(ind + line)
		}
	}
}

// format writes e with its chain of causes and contexts, oldest first.
func (p *tbPrinter) format(e *py.Exception) {
	type link struct {
		msg string // how this exception follows the one before it
		e   *py.Exception
	}
	var chain []link
	for x := e; x != nil; {
		p.seen[x] = true
		var next *py.Exception
		msg := ""
		switch {
		case x.Cause != nil && !p.seen[x.Cause]:
			next, msg = x.Cause, causeMessage
		case x.Context != nil && !x.SuppressContext && !p.seen[x.Context]:
			next, msg = x.Context, contextMsg
		}
		chain = append(chain, link{msg, x})
		x = next
	}
	for i := len(chain) - 1; i >= 0; i-- {
		if chain[i].msg != "" {
			p.emit(chain[i].msg, '|')
		}
		p.formatOne(chain[i].e)
	}
}

// formatOne writes one exception without its chain; for a group, its
// members follow in boxes.
func (p *tbPrinter) formatOne(e *py.Exception) {
	if e.Group == nil {
		if tb := e.Traceback(); len(tb) > 0 {
			p.emit("Traceback (most recent call last):\n", '|')
			p.emit(p.frames(tb), '|')
		}
		p.emit(e.TracebackLine()+"\n"+notes(e), '|')
		return
	}
	if p.depth > maxGroupDepth {
		p.emit(fmt.Sprintf("... (max_group_depth is %d)\n", maxGroupDepth), '|')
		return
	}
	top := p.depth == 0
	if top {
		p.depth++
	}
	if tb := e.Traceback(); len(tb) > 0 {
		margin := byte('|')
		if top {
			margin = '+'
		}
		p.emit("Exception Group Traceback (most recent call last):\n", margin)
		p.emit(p.frames(tb), '|')
	}
	p.emit(e.Error()+"\n"+notes(e), '|')
	n := len(e.Group)
	if n > maxGroupWidth {
		n = maxGroupWidth + 1
	}
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			// the closing line may be written by a nested group
			p.needClose = true
		}
		truncated := i >= maxGroupWidth
		title := fmt.Sprint(i + 1)
		if truncated {
			title = "..."
		}
		corner := "  "
		if i == 0 {
			corner = "+-"
		}
		p.b.WriteString(p.indent() + corner + "+---------------- " + title + " ----------------\n")
		p.depth++
		if !truncated {
			p.format(e.Group[i])
		} else {
			more := len(e.Group) - maxGroupWidth
			p.emit(fmt.Sprintf("and %d more exception%s\n", more, map[bool]string{true: "s"}[more > 1]), '|')
		}
		if last && p.needClose {
			p.b.WriteString(p.indent() + "+------------------------------------\n")
			p.needClose = false
		}
		p.depth--
	}
	if top {
		p.depth = 0
	}
}

// frames renders traceback entries with their source lines.
func (p *tbPrinter) frames(tb []py.TracebackEntry) string {
	var b strings.Builder
	writeFrames(&b, tb, p.lines, "")
	return b.String()
}

// notes renders an exception's __notes__ (add_note), one per line.
func notes(e *py.Exception) string {
	l, ok := e.Attrs["__notes__"].(*py.List)
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, n := range l.Elems {
		if s, ok := n.(py.Str); ok {
			b.WriteString(string(s) + "\n")
		}
	}
	return b.String()
}
