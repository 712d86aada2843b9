package engine

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestStops runs scenes that CPython would never finish: each must stop
// with exit status 3 and a message that names the budget (or the deadlock)
// and the line it was at. Budgets are lowered to keep the test fast.
func TestStops(t *testing.T) {
	small := Budgets{MaxSteps: 300_000, MaxVirtualTime: 1000, MaxEvents: 50_000, MaxMemory: 64 << 20}
	cases := []struct {
		file    string
		budgets Budgets
		trace   bool
		kind    string
		line    int
		want    string // regexp on the message
	}{
		{"spin_forever.py", small, false, "budget", 8, `^step budget exhausted \(300000 steps\) at line 8: .*-max-steps`},
		{"spin_sync.py", small, false, "budget", 0, `^step budget exhausted \(300000 steps\) at line [34]`},
		{"sleep_forever.py", small, false, "budget", 8, `^virtual time budget exhausted: the next deadline, 1020\.000000 s, is past 1000 s; raise it with -max-time`},
		{"events_forever.py", Budgets{MaxEvents: 20_000}, true, "budget", 8, `event budget`},
		{"allocate_forever.py", Budgets{MaxMemory: 48 << 20}, false, "budget", 9, `memory budget`},
		{"deadlock_future.py", small, false, "deadlock", 14, `^deadlock: nothing can wake the loop: Task-1 \(main\) waits on create_future\(\) \(line 14\), waiter \(waiter\) waits on Event.wait \(line 6\)`},
		{"deadlock_queue.py", small, false, "deadlock", 7, `^deadlock: nothing can wake the loop: Task-1 \(main\) waits on Queue.get \(line 7\)`},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("../testdata/stops", c.file))
			if err != nil {
				t.Fatal(err)
			}
			res := Run(src, Options{Filename: c.file, Budgets: c.budgets, Trace: c.trace})
			if res.ExitCode != ExitStopped || res.Err == nil {
				t.Fatalf("exit %d, err %v, stderr %q; want a stop (exit 3)", res.ExitCode, res.Err, res.Stderr)
			}
			if res.Err.Kind != c.kind {
				t.Errorf("kind %q, want %q (%s)", res.Err.Kind, c.kind, res.Err.Msg)
			}
			if !regexp.MustCompile(c.want).MatchString(res.Err.Msg) {
				t.Errorf("message %q does not match %q", res.Err.Msg, c.want)
			}
			if c.line != 0 && res.Err.Line != c.line {
				t.Errorf("line %d, want %d", res.Err.Line, c.line)
			}
		})
	}
}
