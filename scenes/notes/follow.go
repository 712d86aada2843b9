package notes

import (
	"fmt"
	"strings"

	"loopscope/scenes/trace"
)

// Follow checks that rendered notes follow a run of their scene (its
// trace's events), as every scene's notes must, built-in or a teacher's:
// the notes open on an introduction and have at least two sections; each
// section is lit at some event; and the sections start in the order they
// are written, each after the one above it, so the notes read as the
// scene runs and scroll only forward while it plays. It returns the
// problems found, each at the heading of the section it is about, or nil.
// Table says where each section starts, for the message that reports
// them.
func Follow(r *Rendered, events []trace.Event) []*Error {
	secs := r.Sections
	if len(secs) < 3 || secs[0].ID != IntroID {
		what := "no introduction"
		if len(secs) > 0 && secs[0].ID == IntroID {
			what = fmt.Sprintf("%d section(s) after the introduction", len(secs)-1)
		}
		return []*Error{{Line: 1, Col: 1, Msg: "the notes want an introduction (a title and a few lines before the first section) " +
			"and at least two sections, each a heading with an id (## Title {#id}) and a {when: ...} line under it; found " + what}}
	}
	starts := Starts(secs, events)
	lit := make([]int, len(secs))
	for i := range events {
		if l := Lit(starts, i); l >= 0 {
			lit[l]++
		}
	}
	var errs []*Error
	for i, sec := range secs {
		at := func(format string, args ...any) {
			errs = append(errs, &Error{Line: sec.Line, Col: sec.Col, Msg: fmt.Sprintf(format, args...)})
		}
		switch {
		case i == 0:
		case len(sec.When.Terms) == 0:
			at("section {#%s} has no {when: ...} line", sec.ID)
		case starts[i] < 0:
			at("section {#%s} is never lit: no event of the run meets {when: %s}", sec.ID, sec.When)
		case starts[i] <= starts[i-1]:
			at("section {#%s} starts at event %d, not after the section above it ({#%s}, at event %d): "+
				"sections must start in the order they are written, each at a later event", sec.ID, starts[i]+1, secs[i-1].ID, starts[i-1]+1)
		case lit[i] == 0:
			later := ""
			for j := len(secs) - 1; j > i; j-- {
				if starts[j] == starts[i] {
					later = secs[j].ID
				}
			}
			at("section {#%s} is never lit: a later section ({#%s}) starts at the same event, %d", sec.ID, later, starts[i]+1)
		}
	}
	return errs
}

// Table lists where each section starts in the run: its rule, and the
// event it starts at as the page numbers events (from 1), with the
// event's time, kind, line and text; or "never".
func Table(r *Rendered, events []trace.Event) string {
	var b strings.Builder
	for i, st := range Starts(r.Sections, events) {
		sec := r.Sections[i]
		if sec.ID == IntroID {
			fmt.Fprintf(&b, "\n  {#%s} (the introduction): ", sec.ID)
		} else {
			fmt.Fprintf(&b, "\n  {#%s} {when: %s}: ", sec.ID, sec.When)
		}
		if st < 0 {
			b.WriteString("never")
			continue
		}
		e := &events[st]
		fmt.Fprintf(&b, "event %d, %.3f s, %s line %d %q", st+1, e.Time, e.Kind, e.Line, e.Text)
	}
	return b.String()
}
