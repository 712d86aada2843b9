package playback

import (
	"fmt"
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
)

// pstree writes the await graph of s as `python -m asyncio pstree` draws
// it: a node per line, indented under what awaits it; a task as its name,
// coroutine, state and await chain, then "->" and the future it is
// suspended on when that awaits nothing itself; a future as its name,
// what it is for and how many of what it awaits are done.
func pstree(s *State) string {
	g := s.AwaitGraph()
	var b strings.Builder
	var walk func(id int32, depth int, path []int32)
	walk = func(id int32, depth int, path []int32) {
		b.WriteString(strings.Repeat("  ", depth))
		if t := s.Task(id); t != nil {
			fmt.Fprintf(&b, "%s %s %s", t.Name, t.Coro, t.State)
			if t.Stack != "" && (t.State == TaskWaiting || t.State == TaskReady) {
				b.WriteString(" " + t.Stack)
			}
			if f := s.Future(t.Await); f != nil && f.State == FuturePending && len(g.Awaits(t.Await)) == 0 {
				b.WriteString(" -> " + f.Text)
			}
		} else {
			done, n := g.Tied(id)
			fmt.Fprintf(&b, "%s %d/%d", s.Future(id).Text, done, n)
		}
		b.WriteByte('\n')
		for _, c := range g.Awaits(id) {
			if s.Task(id) != nil && s.Task(c) == nil && len(g.Awaits(c)) == 0 {
				continue
			}
			walk(c, depth+1, append(path, id))
		}
	}
	for _, r := range g.Roots() {
		walk(r, 0, nil)
	}
	return b.String()
}

// stateBefore returns the state at the last event before virtual time at.
func stateBefore(rec *Recording, at float64) *State {
	evs := rec.Trace().Events
	i := 0
	for i+1 < len(evs) && evs[i+1].Time < at {
		i++
	}
	return rec.StateAt(i)
}

func runRec(t *testing.T, name, src string) *Recording {
	t.Helper()
	r := engine.Run([]byte(src), engine.Options{Filename: name, Trace: true})
	if r.Trace == nil || r.Err != nil {
		t.Fatalf("%s: %s", name, r.Stderr)
	}
	return Build(r.Trace)
}

func TestAwaitGraphDebug(t *testing.T) {
	for _, scn := range scenes.All() {
		rec := runRec(t, scn.Filename(), scn.Source)
		for _, at := range []float64{0.05, 0.5, 1.05} {
			t.Logf("%s at %g:\n%s", scn.ID, at, pstree(stateBefore(rec, at)))
		}
	}
}

// awaitProblems checks the await view of s: its rows are the await
// graph's nodes (pstree's lines) in order, a card titled with its task's
// name for a task, a future's item for a future, the rest counted in "+N
// more"; and every branch's link goes from a row down to a row right of
// it.
func awaitProblems(sc *Scene, s *State) []string {
	var bad []string
	lines := strings.Split(strings.TrimSuffix(pstree(s), "\n"), "\n")
	if lines[0] == "" {
		lines = nil
	}
	rows, more := 0, 0
	for i := range sc.Items {
		it := &sc.Items[i]
		switch it.Kind {
		case KCard, KFuture:
			if rows >= len(lines) {
				bad = append(bad, fmt.Sprintf("row %d %q: the graph has %d nodes", rows, it.Text, len(lines)))
				continue
			}
			want := strings.TrimSpace(lines[rows])
			name, _, _ := strings.Cut(want, " ")
			if it.Kind == KCard && !strings.HasPrefix(it.Text, name+" ") && it.Text != name {
				bad = append(bad, fmt.Sprintf("row %d is the card %q, not %q", rows, it.Text, want))
			}
			if f := s.Future(int32(it.Key & 0xffffffff)); it.Kind == KFuture && it.Key != 0 && (f == nil || !strings.HasPrefix(want, f.Text+" ")) {
				bad = append(bad, fmt.Sprintf("row %d is the future %q, not %q", rows, it.Text, want))
			}
			rows++
		case KMore:
			if _, err := fmt.Sscanf(it.Text, strings.Replace(messages[lMoreAwaits][sc.Lang], "{1}", "%d", 1), &more); err != nil {
				bad = append(bad, fmt.Sprintf("%q: %v", it.Text, err))
			}
		case KLink:
			if it.Y2 <= it.Y || it.X2 <= it.X {
				bad = append(bad, fmt.Sprintf("a link from %.0f,%.0f to %.0f,%.0f", it.X, it.Y, it.X2, it.Y2))
			}
		}
	}
	if rows+more != len(lines) {
		bad = append(bad, fmt.Sprintf("%d rows + %d more for a graph of %d nodes", rows, more, len(lines)))
	}
	return bad
}
