package engine

import (
	"runtime"
	"testing"
)

// Unwinding costs time linear in the depth: each frame left adds one entry
// to the traceback, without copying the entries before it. Measured as the
// bytes allocated (not time, which a busy machine distorts): four times
// the depth must cost about four times the bytes, where copying the
// traceback at each frame costs sixteen times.
func TestUnwindLinear(t *testing.T) {
	src := []byte(`def down(n):
    return down(n + 1)


caught = 0
for i in range(20):
    try:
        down(0)
    except RecursionError:
        caught += 1
print(caught)
`)
	alloc := func(depth int) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res := Run(src, Options{Budgets: Budgets{MaxDepth: depth}})
		runtime.ReadMemStats(&after)
		if res.ExitCode != ExitOK || res.Stdout != "20\n" {
			t.Fatalf("depth %d: exit %d, stdout %q, stderr %q", depth, res.ExitCode, res.Stdout, res.Stderr)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, big := alloc(1000), alloc(4000)
	ratio := float64(big) / float64(small)
	t.Logf("allocated %d bytes at depth 1000, %d at depth 4000 (x%.1f)", small, big, ratio)
	if ratio > 8 {
		t.Errorf("4x the depth allocates x%.1f the bytes: unwinding is not linear", ratio)
	}
}
