package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRun feeds arbitrary source to the whole engine (parse, check,
// compile, run with the trace on) under small budgets. Whatever the input,
// the engine must answer with one of its exit statuses and never panic or
// report an internal error. Seeds: the conformance corpus, the bad scenes
// and the budget scenes.
//
//	go test -run '^$' -fuzz FuzzRun ./scenes/engine
func FuzzRun(f *testing.F) {
	for _, pattern := range []string{
		"../testdata/corpus/*.py",
		"../testdata/corpus/*/*.py",
		"../testdata/bad/*.py",
		"../testdata/stops/*.py",
	} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	budgets := Budgets{MaxSteps: 200_000, MaxVirtualTime: 1000, MaxEvents: 20_000, MaxMemory: 256 << 20, MaxDepth: 200}
	f.Fuzz(func(t *testing.T, src []byte) {
		res := Run(src, Options{Filename: "fuzz.py", Trace: true, Budgets: budgets})
		switch {
		case res.Exited && res.Err == nil:
			// sys.exit(n): any status
		case res.ExitCode == ExitOK, res.ExitCode == ExitUncaught, res.ExitCode == ExitRefused, res.ExitCode == ExitStopped:
		default:
			t.Fatalf("exit %d: %s\n--- source\n%s", res.ExitCode, res.Stderr, src)
		}
		if strings.Contains(res.Stderr, "internal error") || strings.Contains(res.Stderr, "goroutine ") {
			t.Fatalf("internal error:\n%s\n--- source\n%s", res.Stderr, src)
		}
		if !res.Exited && (res.ExitCode == ExitRefused || res.ExitCode == ExitStopped) && res.Err == nil {
			t.Fatalf("exit %d without an error", res.ExitCode)
		}
		if res.Trace != nil {
			if err := res.Trace.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
