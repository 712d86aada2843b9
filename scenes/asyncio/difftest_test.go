package asyncio

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"loopscope/internal/reftool"
)

// TestDifferential compares the engine with CPython on generated scenes.
// By default it generates 40 (seeds 0 to 39) with testdata/fuzz/gen_scenes.py
// and runs each under tools/vclock/vclock.py --golden, which needs python3:
// without it the test is skipped loudly, or fails when CI is set. For a
// bigger run, point LOOPSCOPE_DIFFDIR at a directory filled by
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
		dir = generateScenes(t, 40)
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
	if len(paths) == 0 {
		t.Fatalf("no scenes in %s", dir)
	}
	t.Logf("%d scenes: %d differ, %d differ only in line order", len(paths), bad, order)
}

// generateScenes writes n generated scenes and CPython's output for each
// to a temporary directory.
func generateScenes(t *testing.T, n int) string {
	t.Helper()
	py := reftool.Python(t, "the engine is not compared with CPython on generated scenes")
	dir := t.TempDir()
	if out, err := exec.Command(py, "testdata/fuzz/gen_scenes.py", "0", strconv.Itoa(n), dir).CombinedOutput(); err != nil {
		t.Fatalf("gen_scenes.py: %v\n%s", err, out)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	for _, p := range paths {
		cmd := exec.Command(py, "../../tools/vclock/vclock.py", "--golden", p)
		out, err := cmd.Output() // a scene may exit non-zero: its output is still the reference
		if _, exited := err.(*exec.ExitError); err != nil && !exited {
			t.Fatalf("vclock %s: %v", p, err)
		}
		if err := os.WriteFile(strings.TrimSuffix(p, ".py")+".out", out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
