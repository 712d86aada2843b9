//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"loopscope/internal/reftool"
)

var (
	builtOnce sync.Once
	builtBin  string
	builtErr  error
)

// builtBinary builds loopscope once for the tests that run it as a user
// does, in its own process.
func builtBinary(t *testing.T) string {
	t.Helper()
	builtOnce.Do(func() {
		dir, err := os.MkdirTemp("", "loopscope-bin")
		if err != nil {
			builtErr = err
			return
		}
		builtBin = filepath.Join(dir, "loopscope")
		out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			builtErr = &exec.ExitError{Stderr: out}
		}
	})
	if builtErr != nil {
		t.Fatalf("building loopscope: %v", builtErr)
	}
	return builtBin
}

// TestMemoryBudgetHolds runs the built binary on scenes that allocate
// without end, or ask a builtin for something huge, and measures the
// process's peak resident memory: the budget holds (a stop, exit 3, at the
// line; or MemoryError where CPython raises it), within the budget plus the
// runtime's own base, and never a Go fatal error.
func TestMemoryBudgetHolds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs scenes that fill a gigabyte")
	}
	bin := builtBinary(t)
	const mib = 1 << 20
	cases := []struct {
		name   string
		src    string
		budget int64 // 0: the default, 1 GiB
		exit   int
		want   string // regexp on stderr
		peak   int64  // bytes of peak RSS not to reach
	}{
		{"append 64 KiB strings, 64 MiB", "hoard = []\nwhile True:\n    hoard.append(\"x\" * 65536)\n", 64 * mib, 3,
			`scene.py:3:\d+: memory budget exhausted at line 3, column \d+`, 256 * mib},
		{"append 64 KiB strings, default", "hoard = []\nwhile True:\n    hoard.append(\"x\" * 65536)\n", 0, 3,
			`scene.py:3:\d+: memory budget exhausted at line 3`, 1536 * mib},
		{"dict.fromkeys(range(10**8))", "d = dict.fromkeys(range(10**8))\n", 0, 3,
			`scene.py:1:\d+: memory budget exhausted at line 1`, 1536 * mib},
		{"dict.fromkeys(range(10**8)), 64 MiB", "d = dict.fromkeys(range(10**8))\n", 64 * mib, 3,
			`memory budget exhausted at line 1`, 256 * mib},
		{"expandtabs(3 * 10**9)", "print(len(\"x\\t\".expandtabs(3 * 10**9)))\n", 64 * mib, 1,
			`(?m)^MemoryError$`, 256 * mib},
		{"string concatenation", "s = ''\nwhile True:\n    s = s + 'x' * 1000000\n", 64 * mib, 3,
			`memory budget exhausted at line 3`, 256 * mib},
		{"list growth in a comprehension", "x = [[0] * 1000 for i in range(10**6)]\n", 64 * mib, 3,
			`memory budget exhausted at line 1`, 256 * mib},
		{"range materialised", "keep = []\nwhile True:\n    keep.append(list(range(10**6)))\n", 64 * mib, 3,
			`memory budget exhausted at line 3`, 256 * mib},
		// The set's next table alone is larger than the budget: that
		// allocation fails, as CPython's would, with MemoryError.
		{"set growth", "s = set()\ni = 0\nwhile True:\n    s.add(i)\n    i += 1\n", 64 * mib, 1,
			`(?s)line 4.*\nMemoryError$`, 256 * mib},
		{"join", "parts = ['x' * 1000] * 100000\nkeep = []\nwhile True:\n    keep.append(''.join(parts))\n", 64 * mib, 3,
			`memory budget exhausted at line 4`, 256 * mib},
		{"big ints", "keep = []\ni = 0\nwhile True:\n    i += 1\n    keep.append(3 ** 200000 + i)\n", 64 * mib, 3,
			`memory budget exhausted at line 5`, 256 * mib},
		{"one piece larger than the budget", "try:\n    x = 'ab' * (40 * 2**20)\nexcept MemoryError:\n    print('MemoryError caught')\n", 64 * mib, 0,
			`^$`, 256 * mib},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "scene.py")
			if err := os.WriteFile(file, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"run"}
			if c.budget > 0 {
				args = append(args, "-max-memory", strconvI(c.budget))
			}
			cmd := exec.Command(bin, append(args, file)...)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			peak := int64(0)
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				peak = ru.Maxrss * 1024
			}
			msg := strings.ReplaceAll(stderr.String(), file, "scene.py")
			t.Logf("exit %d, peak %d MiB, %.100s", code, peak/mib, msg)
			if code != c.exit {
				t.Errorf("exit %d, want %d; stderr %q", code, c.exit, msg)
			}
			if !regexp.MustCompile(c.want).MatchString(strings.TrimSpace(msg)) {
				t.Errorf("stderr %q does not match %q", msg, c.want)
			}
			if strings.Contains(msg, "fatal error") || strings.Contains(msg, "goroutine") {
				t.Errorf("a Go crash: %q", msg)
			}
			if peak == 0 || peak >= c.peak {
				t.Errorf("peak resident memory %d MiB, want under %d MiB", peak/mib, c.peak/mib)
			}
		})
	}
}

func strconvI(n int64) string { return strconv.FormatInt(n, 10) }

// peakRSS runs argv with stdout discarded and returns its exit error and
// peak resident memory.
func peakRSS(t *testing.T, argv ...string) int64 {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v\n%s", argv, err, stderr.String())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Fatal("no resource usage")
	}
	return ru.Maxrss * 1024
}

// TestTracePeakMemory runs `loopscope trace` on the 100,000-task scene
// (3.1 million events): the trace is streamed, never held, so the peak
// stays under 1.5 times python3's on the same scene.
func TestTracePeakMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the 100,000-task scene")
	}
	py := reftool.Python311(t, "the trace's peak memory is not compared with CPython's")
	bin := builtBinary(t)
	scene := "scenes/testdata/bench/gather100k.py"
	pyPeak := peakRSS(t, py, scene)
	trPeak := peakRSS(t, bin, "trace", scene)
	t.Logf("peak: python3 %d MiB, loopscope trace %d MiB", pyPeak>>20, trPeak>>20)
	if float64(trPeak) >= 1.5*float64(pyPeak) {
		t.Errorf("loopscope trace peaks at %d MiB, python3 at %d MiB: want under 1.5x", trPeak>>20, pyPeak>>20)
	}
}
