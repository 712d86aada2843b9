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
		col     int
		want    string // regexp on the message
	}{
		{"spin_forever.py", small, false, "budget", 8, 11, `^step budget exhausted at line 8, column 11: the scene ran 300,000 Python steps \(bytecode instructions\) and had not finished\. .*-max-steps$`},
		{"spin_sync.py", small, false, "budget", 0, 0, `^step budget exhausted at line [34], column \d+: the scene ran 300,000 Python steps`},
		{"sleep_forever.py", small, false, "budget", 8, 15, `^virtual time budget exhausted at line 8, column 15: the scene's next wake-up would be at 1020 s of loop time, past the limit of 1000 s\. .*-max-time$`},
		{"events_forever.py", Budgets{MaxEvents: 20_000}, true, "budget", 8, 15, `^event budget exhausted at line 8, column 15: the trace recorded 20,000 events`},
		{"allocate_forever.py", Budgets{MaxMemory: 48 << 20}, false, "budget", 8, 0, `^memory budget exhausted at line 8, column \d+: the scene's objects took more than 48 MiB`},
		// A long program stopped by a small budget is told what was
		// measured, never that it "may never yield".
		{"cpu_bound.py", small, false, "budget", 11, 16, `^step budget exhausted at line 11, column 16: the scene ran 300,000 Python steps \(bytecode instructions\) and had not finished\. A loop that never ends stops here; if the scene is only long, give it more steps with -max-steps$`},
		{"deadlock_future.py", small, false, "deadlock", 14, 5, `^deadlock: nothing can wake the loop: Task-1 \(main\) waits on create_future\(\) \(line 14, column 5\), waiter \(waiter\) waits on Event.wait \(line 6, column 5\)`},
		{"deadlock_queue.py", small, false, "deadlock", 7, 12, `^deadlock: nothing can wake the loop: Task-1 \(main\) waits on Queue.get \(line 7, column 12\)`},
		// After a backward jump the scene is at the loop's body, not at
		// the instruction before the loop (line 1); at any step count.
		{"spin_backjump.py", Budgets{MaxSteps: 8192}, false, "budget", 3, 5, `^step budget exhausted at line 3, column 5: `},
		{"spin_backjump.py", Budgets{MaxSteps: 28672}, false, "budget", 3, 5, `^step budget exhausted at line 3, column 5: `},
		{"spin_backjump.py", Budgets{MaxSteps: 49152}, false, "budget", 3, 5, `^step budget exhausted at line 3, column 5: `},
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
			// Every stop names a line and a column.
			if res.Err.Line == 0 || res.Err.Col == 0 || c.col != 0 && res.Err.Col != c.col {
				t.Errorf("at %d:%d, want a line and column %d", res.Err.Line, res.Err.Col, c.col)
			}
		})
	}
}

// TestLongIsNotRunaway runs the asyncio docs' cpu_bound() (10**7 squares
// summed in a worker thread, about a second of CPython) with the default
// budgets: a program CPython finishes is not stopped.
func TestLongIsNotRunaway(t *testing.T) {
	src, err := os.ReadFile("../testdata/stops/cpu_bound.py")
	if err != nil {
		t.Fatal(err)
	}
	res := Run(src, Options{Filename: "cpu_bound.py"})
	if res.ExitCode != ExitOK || res.Stdout != "custom thread pool 333333283333335000000\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want CPython's one line and exit 0", res.ExitCode, res.Stdout, res.Stderr)
	}
}
