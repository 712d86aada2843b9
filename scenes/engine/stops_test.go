package engine

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
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
		budget  string // which budget, for kind "budget"
		line    int
		col     int
		want    string // regexp on the message
	}{
		{"spin_forever.py", small, false, "budget", "steps", 8, 11, `^step budget exhausted at line 8, column 11: the scene ran 300,000 Python steps \(bytecode instructions\) and had not finished\. .*-max-steps$`},
		{"spin_sync.py", small, false, "budget", "steps", 0, 0, `^step budget exhausted at line [34], column \d+: the scene ran 300,000 Python steps`},
		{"sleep_forever.py", small, false, "budget", "time", 8, 15, `^virtual time budget exhausted at line 8, column 15: the scene's next wake-up would be at 1020 s of loop time, past the limit of 1000 s\. .*-max-time$`},
		{"events_forever.py", Budgets{MaxEvents: 20_000}, true, "budget", "events", 8, 15, `^event budget exhausted at line 8, column 15: the trace recorded 20,000 events`},
		{"allocate_forever.py", Budgets{MaxMemory: 48 << 20}, false, "budget", "memory", 8, 0, `^memory budget exhausted at line 8, column \d+: the scene's objects took more than 48 MiB`},
		// A long program stopped by a small budget is told what was
		// measured, never that it "may never yield".
		{"cpu_bound.py", small, false, "budget", "steps", 11, 16, `^step budget exhausted at line 11, column 16: the scene ran 300,000 Python steps \(bytecode instructions\) and had not finished\. A loop that never ends stops here; if the scene is only long, give it more steps with -max-steps$`},
		{"deadlock_future.py", small, false, "deadlock", "", 14, 5, `^deadlock: nothing can wake the loop: Task-1 \(main\) waits on create_future\(\) \(line 14, column 5\), waiter \(waiter\) waits on Event.wait \(line 6, column 5\)`},
		{"deadlock_queue.py", small, false, "deadlock", "", 7, 12, `^deadlock: nothing can wake the loop: Task-1 \(main\) waits on Queue.get \(line 7, column 12\)`},
		// After a backward jump the scene is at the loop's body, not at
		// the instruction before the loop (line 1); at any step count.
		{"spin_backjump.py", Budgets{MaxSteps: 8192}, false, "budget", "steps", 3, 5, `^step budget exhausted at line 3, column 5: `},
		{"spin_backjump.py", Budgets{MaxSteps: 28672}, false, "budget", "steps", 3, 5, `^step budget exhausted at line 3, column 5: `},
		{"spin_backjump.py", Budgets{MaxSteps: 49152}, false, "budget", "steps", 3, 5, `^step budget exhausted at line 3, column 5: `},
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
			if res.Err.Kind != c.kind || res.Err.Budget != c.budget {
				t.Errorf("kind %q budget %q, want %q %q (%s)", res.Err.Kind, res.Err.Budget, c.kind, c.budget, res.Err.Msg)
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

// TestFreshBudgets runs scenes one after another in one process, as the
// page does, keeping each run's trace while the next one runs (the page
// plays it until the next run replaces it): every run gets the whole of
// its budgets. The list that grows until its memory budget runs out left
// a trace as large as the budget, and the runs after it used to stop at
// once on "memory budget exhausted" at their asyncio.run line: the
// budget counted the heap the process held, the kept trace and the
// garbage included, not what the run added. The loop that spins on line
// 6 is then stopped there by the step budget.
func TestFreshBudgets(t *testing.T) {
	read := func(name string) []byte {
		src, err := os.ReadFile(filepath.Join("../testdata/stops", name))
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	var kept []*Result
	runScene := func(name string) *Result {
		budgets := Budgets{MaxMemory: 64 << 20}
		if name == "spin_pass.py" {
			budgets.MaxSteps = 2_000_000
		}
		res := Run(read(name), Options{Filename: name, Trace: true, Budgets: budgets})
		kept = append(kept, res)
		return res
	}
	grow := runScene("grow_list.py")
	if grow.Err == nil || grow.Err.Budget != "memory" || grow.Err.Line != 9 && grow.Err.Line != 10 {
		t.Fatalf("grow_list.py: exit %d, %v: want the memory budget at line 9 or 10", grow.ExitCode, grow.Err)
	}
	for range 2 {
		res := runScene("tasks_2000.py")
		if res.ExitCode != ExitOK || res.Stdout != "2000 1999000\n" {
			t.Fatalf("tasks_2000.py after grow_list.py: exit %d, %v, stdout %q", res.ExitCode, res.Err, res.Stdout)
		}
	}
	spin := runScene("spin_pass.py")
	if spin.Err == nil || spin.Err.Budget != "steps" || spin.Err.Line != 7 {
		t.Fatalf("spin_pass.py after grow_list.py: exit %d, %v: want the step budget at line 7, where it spins", spin.ExitCode, spin.Err)
	}
	runtime.KeepAlive(kept)
}

// TestPause checks Options.Pause: it is told the run's progress, growing,
// at the same points on every run; it changes nothing the scene does; and
// the error it returns stops the run at once where the scene is, with an
// interrupted stop at that line.
func TestPause(t *testing.T) {
	src, err := os.ReadFile("../testdata/stops/tasks_2000.py")
	if err != nil {
		t.Fatal(err)
	}
	plain := Run(src, Options{Trace: true})
	var seen [2][]Progress
	for i := range seen {
		res := Run(src, Options{Trace: true, Pause: func(p Progress) error {
			seen[i] = append(seen[i], p)
			return nil
		}})
		if res.ExitCode != ExitOK || res.Stdout != plain.Stdout || len(res.Trace.Events) != len(plain.Trace.Events) {
			t.Fatalf("with Pause: exit %d, stdout %q, %d events; without: %q, %d events", res.ExitCode, res.Stdout, len(res.Trace.Events), plain.Stdout, len(plain.Trace.Events))
		}
	}
	if len(seen[0]) < 10 {
		t.Fatalf("Pause was called %d times in a run of %d events", len(seen[0]), len(plain.Trace.Events))
	}
	if !slices.Equal(seen[0], seen[1]) {
		t.Errorf("Pause was called at different points in two runs of one scene")
	}
	for i := 1; i < len(seen[0]); i++ {
		a, b := seen[0][i-1], seen[0][i]
		if b.Steps < a.Steps || b.Events < a.Events || b.Time < a.Time {
			t.Fatalf("progress went back: %+v then %+v", a, b)
		}
	}

	spin, err := os.ReadFile("../testdata/stops/spin_pass.py")
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	stop := errors.New("the learner pressed Stop")
	res := Run(spin, Options{Trace: true, Pause: func(p Progress) error {
		if calls++; calls == 5 {
			return stop
		}
		return nil
	}})
	if calls != 5 || res.ExitCode != ExitStopped || res.Err == nil || res.Err.Kind != "interrupted" || res.Err.Line != 7 {
		t.Fatalf("stopped by Pause: %d calls, exit %d, %v: want it stopped at the 5th call, interrupted at line 7", calls, res.ExitCode, res.Err)
	}
	if last := res.Trace.Events[len(res.Trace.Events)-1]; last.Line != 7 {
		t.Errorf("the trace ends with %+v: want the stop at line 7", last)
	}
}
