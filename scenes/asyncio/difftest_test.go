package asyncio

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestDifferential compares the engine with CPython on a directory of
// generated scenes: LOOPSCOPE_DIFFDIR=/tmp/fuzz, filled by
//
//	python3 testdata/fuzz/gen_scenes.py 0 200 /tmp/fuzz
//	for f in /tmp/fuzz/*.py; do python3 ../../tools/vclock/vclock.py --golden $f > ${f%.py}.out; done
//
// Outputs that differ only in the order of their lines are counted apart:
// they come from CPython walking sets of tasks in address order
// (all_tasks at shutdown, as_completed's set(fs)), which no engine can
// reproduce; LOOPSCOPE_DIFFORDER=1 reports them too.
func TestDifferential(t *testing.T) {
	dir := os.Getenv("LOOPSCOPE_DIFFDIR")
	if dir == "" {
		t.Skip("LOOPSCOPE_DIFFDIR not set")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	bad, order := 0, 0
	for _, p := range paths {
		want, err := os.ReadFile(strings.TrimSuffix(p, ".py") + ".out")
		if err != nil {
			continue
		}
		src, _ := os.ReadFile(p)
		res, err := runSource(filepath.Base(p), src, Config{Trace: true})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		got := res.Golden()
		if got == string(want) {
			continue
		}
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		sort.Strings(g)
		sort.Strings(w)
		if strings.Join(g, "\n") == strings.Join(w, "\n") {
			order++
			if os.Getenv("LOOPSCOPE_DIFFORDER") == "" {
				continue
			}
		} else {
			bad++
		}
		t.Errorf("%s mismatch\n--- got\n%s--- want\n%s", p, got, want)
	}
	t.Logf("%d scenes: %d differ, %d differ only in line order", len(paths), bad, order)
}
