package notes

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"loopscope/scenes/trace"
)

// When is a section's moment rule: the terms of its {when: ...} line, all
// of which one event must meet for the section to start there.
type When struct {
	Terms []Term
}

// Term is one condition on an event.
type Term struct {
	Op       string     // "line", "time", "print" or "event"
	From, To int32      // line: the lines From..To
	Time     float64    // time: the clock has reached it
	Text     string     // print: the printed text contains it
	Kind     trace.Kind // event: the event's kind
}

// ParseWhen parses the inside of a {when: ...} line: terms separated by
// commas, each one of
//
//	line 12         the event is on line 12 of the scene
//	line 12-14      the event is on one of lines 12 to 14
//	time 2.5        the clock has reached 2.5 seconds
//	print "ready"   the event prints text containing "ready" (a Go string)
//	event task.cancel   the event is of this kind (the trace's names)
func ParseWhen(src string) (When, error) {
	var w When
	rest := strings.TrimSpace(src)
	if rest == "" {
		return w, fmt.Errorf("no condition: write one, such as {when: line 12}")
	}
	for rest != "" {
		op, arg, _ := strings.Cut(rest, " ")
		arg = strings.TrimLeft(arg, " ")
		t := Term{Op: op}
		var val string
		if op == "print" {
			q, err := strconv.QuotedPrefix(arg)
			if err != nil {
				return w, fmt.Errorf(`print wants text in double quotes, as in print "ready"`)
			}
			val = q
			rest = arg[len(q):]
			t.Text, _ = strconv.Unquote(q)
			if t.Text == "" {
				return w, fmt.Errorf("print wants some text between its quotes")
			}
		} else {
			val, rest = arg, ""
			if i := strings.IndexByte(arg, ','); i >= 0 {
				val, rest = arg[:i], arg[i:]
			}
			val = strings.TrimSpace(val)
		}
		switch op {
		case "print":
		case "line":
			a, b, isRange := strings.Cut(val, "-")
			from, err1 := strconv.ParseInt(strings.TrimSpace(a), 10, 32)
			to, err2 := from, error(nil)
			if isRange {
				to, err2 = strconv.ParseInt(strings.TrimSpace(b), 10, 32)
			}
			if err1 != nil || err2 != nil || from < 1 || to < from {
				return w, fmt.Errorf("line wants a line number or a range such as 12-14, not %q", val)
			}
			t.From, t.To = int32(from), int32(to)
		case "time":
			x, err := strconv.ParseFloat(val, 64)
			if err != nil || x < 0 || math.IsInf(x, 0) || math.IsNaN(x) {
				return w, fmt.Errorf("time wants seconds, such as time 2.5, not %q", val)
			}
			t.Time = x
		case "event":
			k, ok := trace.ParseKind(val)
			if !ok {
				return w, fmt.Errorf("event wants a kind of event such as task.cancel, not %q", val)
			}
			t.Kind = k
		default:
			return w, fmt.Errorf("unknown condition %q: use line, time, print or event", op)
		}
		w.Terms = append(w.Terms, t)
		rest = strings.TrimSpace(rest)
		if rest == "" {
			break
		}
		if rest[0] != ',' {
			return w, fmt.Errorf("expected a comma before %q", rest)
		}
		rest = strings.TrimSpace(rest[1:])
		if rest == "" {
			return w, fmt.Errorf("nothing after the last comma")
		}
	}
	return w, nil
}

// String returns the rule as a {when: ...} line would hold it.
func (w When) String() string {
	parts := make([]string, len(w.Terms))
	for i, t := range w.Terms {
		switch t.Op {
		case "line":
			parts[i] = "line " + strconv.Itoa(int(t.From))
			if t.To != t.From {
				parts[i] += "-" + strconv.Itoa(int(t.To))
			}
		case "time":
			parts[i] = "time " + strconv.FormatFloat(t.Time, 'g', -1, 64)
		case "print":
			parts[i] = "print " + strconv.Quote(t.Text)
		case "event":
			parts[i] = "event " + t.Kind.String()
		}
	}
	return strings.Join(parts, ", ")
}

// Match reports whether the event meets every term.
func (w When) Match(e *trace.Event) bool {
	if len(w.Terms) == 0 {
		return false
	}
	for _, t := range w.Terms {
		switch t.Op {
		case "line":
			if e.Line < t.From || e.Line > t.To {
				return false
			}
		case "time":
			if e.Time < t.Time-1e-9 {
				return false
			}
		case "print":
			if e.Kind != trace.Print || !strings.Contains(e.Text, t.Text) {
				return false
			}
		case "event":
			if e.Kind != t.Kind {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Starts returns, for each section, the index of the event it starts at in
// events: 0 for the introduction, the first event its rule matches for the
// others, -1 for a section whose rule no event matches.
func Starts(sections []Section, events []trace.Event) []int {
	starts := make([]int, len(sections))
	for i, s := range sections {
		starts[i] = -1
		if s.ID == IntroID {
			starts[i] = 0
			continue
		}
		for j := range events {
			if s.When.Match(&events[j]) {
				starts[i] = j
				break
			}
		}
	}
	return starts
}

// Lit returns the index of the section lit at event: the one that started
// last at or before it (the later one in the notes when two start at the
// same event), or -1 when none has started. The page's script does the
// same with the starts the site ships.
func Lit(starts []int, event int) int {
	lit := -1
	for i, s := range starts {
		if s >= 0 && s <= event && (lit < 0 || s >= starts[lit]) {
			lit = i
		}
	}
	return lit
}
