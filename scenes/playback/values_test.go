package playback

import (
	"bufio"
	"bytes"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"loopscope/internal/reftool"
	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/trace"
)

// cpythonLine is one line CPython printed, at its loop time.
type cpythonLine struct {
	t    float64
	text string
}

// runCPython runs a scene under CPython 3.11 with the virtual clock
// (tools/vclock) and returns the lines it printed.
func runCPython(t *testing.T, python, path string) []cpythonLine {
	t.Helper()
	cmd := exec.Command(python, "../../tools/vclock/vclock.py", "--golden", path)
	cmd.Env = append(cmd.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("CPython on %s: %v", path, err)
	}
	var lines []cpythonLine
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		ts, text, ok := strings.Cut(sc.Text(), "|")
		if !ok || strings.HasPrefix(ts, "=") {
			continue
		}
		tm, err := strconv.ParseFloat(ts, 64)
		if err != nil {
			t.Fatalf("CPython on %s: bad line %q", path, sc.Text())
		}
		lines = append(lines, cpythonLine{tm, text})
	}
	return lines
}

// atPrints runs src through the engine and calls check with the state
// playback holds at each line printed, beside the line CPython printed
// there; the engine's lines must be CPython's, at the same loop times.
func atPrints(t *testing.T, python, path string, check func(s *State, cpython string)) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := runCPython(t, python, path)
	r := engine.Run(src, engine.Options{Filename: path, Trace: true})
	if r.ExitCode != engine.ExitOK {
		t.Fatalf("%s: the engine ended with exit code %d", path, r.ExitCode)
	}
	rec := Build(r.Trace)
	k := 0
	for i := range r.Trace.Events {
		e := &r.Trace.Events[i]
		if e.Kind != trace.Print || e.Label == "stderr" {
			continue
		}
		if k >= len(want) {
			t.Fatalf("%s: the engine prints more lines than CPython: %q", path, e.Text)
		}
		if got := strings.TrimSuffix(e.Text, "\n"); got != want[k].text || math.Abs(e.Time-want[k].t) > 1e-6 {
			t.Fatalf("%s: line %d: the engine prints %q at %g, CPython %q at %g", path, k+1, got, e.Time, want[k].text, want[k].t)
		}
		check(rec.StateAt(i), want[k].text)
		k++
	}
	if k != len(want) {
		t.Fatalf("%s: the engine printed %d lines, CPython %d", path, k, len(want))
	}
}

var stateMark = regexp.MustCompile(`#state((?: \w+=\d+)+)$`)

// The Semaphore, Lock, Event, Condition, Queue and Barrier cards show the
// values CPython reports at the same moment: each line the scenes print
// ends with "#state Kind=value ...", the values of the primitives in the
// order they were created (the k-th "Lock=" is the k-th Lock made, a
// Condition's own lock included), printed by CPython itself (sem._value,
// lock.locked(), q.qsize()...), and the state playback holds at that print
// event must show them.
func TestSyncValuesMatchCPython(t *testing.T) {
	python := reftool.Python311(t, "the primitives' values on the stage are not compared with CPython")
	for _, name := range []string{"1100_semaphore_value_fan_out", "1101_sync_values_after_wakeups"} {
		t.Run(name, func(t *testing.T) {
			checked := 0
			atPrints(t, python, "../testdata/corpus/"+name+".py", func(s *State, line string) {
				m := stateMark.FindStringSubmatch(line)
				if m == nil {
					return
				}
				seen := map[string]int{}
				for _, kv := range strings.Fields(m[1]) {
					kind, v, _ := strings.Cut(kv, "=")
					want, _ := strconv.ParseFloat(v, 64)
					nth := seen[kind]
					seen[kind]++
					y := nthSync(s, kind, nth)
					if y == nil {
						t.Errorf("at event %d (%q): no %s number %d on the stage", s.Index, line, kind, nth+1)
						continue
					}
					if y.Value != want {
						t.Errorf("at event %d (%q): %s shows %g, CPython reports %g", s.Index, line, s.Name(y.ID), y.Value, want)
					}
					checked++
				}
			})
			if checked < 10 {
				t.Errorf("only %d values compared", checked)
			}
		})
	}
}

// In the scene itself (10_fan_out_fan_in), when a download starts with n
// in flight, the Semaphore(2) card shows 2-n: every download in flight
// holds one unit, and no other task holds one then.
func TestFanOutSemaphoreShowsWhatIsLeft(t *testing.T) {
	python := reftool.Python311(t, "the fan-out scene's Semaphore is not compared with CPython")
	start := regexp.MustCompile(`start \w+ +\((\d) in flight\)`)
	checked := 0
	atPrints(t, python, "../10_fan_out_fan_in/scene.py", func(s *State, line string) {
		m := start.FindStringSubmatch(line)
		if m == nil {
			return
		}
		n, _ := strconv.Atoi(m[1])
		y := nthSync(s, "Semaphore", 0)
		if y == nil || y.Value != float64(2-n) {
			t.Errorf("at event %d (%q): the Semaphore card shows %+v, want value %d", s.Index, line, y, 2-n)
		}
		checked++
	})
	if checked != 6 {
		t.Errorf("%d downloads started, want 6", checked)
	}
}

// nthSync returns the nth (from 0) primitive of the given kind, in
// creation order.
func nthSync(s *State, kind string, nth int) *Sync {
	for k := range s.Syncs {
		if s.Syncs[k].Kind == kind {
			if nth == 0 {
				return &s.Syncs[k]
			}
			nth--
		}
	}
	return nil
}

// A task woken by the Semaphore becomes ready because of the waiter
// future the release resolved, and the state names that future: nothing
// is inferred from the events around it.
func TestWakeUpNamesTheFuture(t *testing.T) {
	sc, ok := scenes.Get("10_fan_out_fan_in")
	if !ok {
		t.Fatal("no scene 10_fan_out_fan_in")
	}
	rec := record(t, sc.Filename(), sc.Source)
	evs := rec.Trace().Events
	woken := 0
	for i, e := range evs {
		if e.Kind != trace.SyncWake {
			continue
		}
		j := i + 1
		for j < len(evs) && !(evs[j].Kind == trace.HandleNew && evs[j].Cause == e.Ref) {
			j++
		}
		if j == len(evs) {
			t.Errorf("event %d: no handle is queued because of the woken future %d", i, e.Ref)
			continue
		}
		s := rec.StateAt(j)
		tk := s.Task(evs[j].Ref)
		if tk == nil || tk.State != TaskReady || tk.WokenBy != e.Ref || tk.Await != e.Ref {
			t.Errorf("event %d: the woken task is %+v, want ready, woken by and awaiting future %d", j, tk, e.Ref)
		}
		woken++
	}
	if woken != 4 {
		t.Errorf("%d wake-ups, want 4 (6 downloads, 2 at a time)", woken)
	}
}
