package engine

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"loopscope/internal/reftool"
	"loopscope/scenes/asyncio"
)

// The conformance corpus: scenes/testdata/corpus/NAME.py with CPython's
// output beside it in NAME.out, written by tools/vclock/vclock.py --golden:
//
//	0.000000|a line printed at loop time 0
//	=error ValueError: boom     (the traceback's last line, if uncaught)
//	=deadlock / =budget         (if CPython would hang or run away)
//	=exit 1
const corpusDir = "../testdata/corpus"

// corpusDirs are the corpus and its two special folders: limits/ (scenes
// CPython would never finish: the harness stops them at a budget or a
// deadlock) and virtual/ (scenes pinning the virtual clock's rules for two
// threads at one instant, which a real clock does not guarantee).
var corpusDirs = []string{corpusDir, corpusDir + "/limits", corpusDir + "/virtual"}

// corpusWallClock is when the corpus scenes' wall clock starts, in UTC,
// for the engine and for CPython under vclock alike (vclock's --golden
// default, CORPUS_WALL_CLOCK): the docs' say_after example then prints
// "started at 17:13:52".
const corpusWallClock = "2026-12-07T17:13:52Z"

// corpusOptions are the engine options of a corpus run.
func corpusOptions(t *testing.T, filename string) Options {
	t.Helper()
	start, err := time.Parse(time.RFC3339, corpusWallClock)
	if err != nil {
		t.Fatal(err)
	}
	return Options{Filename: filename, WallClock: start.UTC()}
}

// vclockCommand runs tools/vclock/vclock.py with the corpus's wall clock,
// in UTC.
func vclockCommand(python string, args ...string) *exec.Cmd {
	cmd := exec.Command(python, append([]string{"../../tools/vclock/vclock.py", "--wall-clock", corpusWallClock}, args...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	return cmd
}

// golden is one parsed .out file.
type golden struct {
	lines    []string // "TIME|text", as written
	noEOL    bool
	errLine  string
	deadlock bool
	budget   bool
	exit     int
}

func parseGolden(data []byte) (*golden, error) {
	g := &golden{exit: -1}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "=noeol":
			g.noEOL = true
		case strings.HasPrefix(line, "=error "):
			g.errLine = strings.TrimPrefix(line, "=error ")
		case line == "=deadlock":
			g.deadlock = true
		case line == "=budget":
			g.budget = true
		case strings.HasPrefix(line, "=exit "):
			n, err := strconv.Atoi(strings.TrimPrefix(line, "=exit "))
			if err != nil {
				return nil, fmt.Errorf("bad exit line %q", line)
			}
			g.exit = n
		case strings.HasPrefix(line, "="):
			return nil, fmt.Errorf("unknown directive %q", line)
		default:
			if !strings.Contains(line, "|") {
				return nil, fmt.Errorf("output line without a time: %q", line)
			}
			g.lines = append(g.lines, line)
		}
	}
	if g.exit < 0 {
		return nil, fmt.Errorf("no =exit line")
	}
	return g, sc.Err()
}

// goldenOf renders an engine result in the golden form, so that a mismatch
// shows as a readable diff.
func goldenOf(res *Result) *golden {
	g := &golden{exit: res.ExitCode}
	for _, l := range res.Lines {
		g.lines = append(g.lines, fmt.Sprintf("%.6f|%s", l.Time, l.Text))
	}
	g.noEOL = res.Stdout != "" && !strings.HasSuffix(res.Stdout, "\n")
	switch {
	case res.ExitCode == ExitUncaught:
		g.errLine = res.Uncaught
	case res.Err != nil && res.Err.Kind == "deadlock":
		g.deadlock = true
	case res.Err != nil && res.Err.Kind == "budget":
		g.budget = true
	}
	return g
}

func (g *golden) String() string {
	var b strings.Builder
	for _, l := range g.lines {
		b.WriteString(l + "\n")
	}
	if g.noEOL {
		b.WriteString("=noeol\n")
	}
	if g.errLine != "" {
		b.WriteString("=error " + g.errLine + "\n")
	}
	if g.deadlock {
		b.WriteString("=deadlock\n")
	}
	if g.budget {
		b.WriteString("=budget\n")
	}
	fmt.Fprintf(&b, "=exit %d\n", g.exit)
	return b.String()
}

func corpusScenes(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range corpusDirs {
		more, err := filepath.Glob(filepath.Join(dir, "*.py"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, more...)
	}
	if len(files) == 0 {
		t.Fatalf("no scenes in %s", corpusDir)
	}
	return files
}

// TestCorpus runs every corpus scene through the engine and compares what
// it printed, when, and how it ended with CPython's stored output.
func TestCorpus(t *testing.T) {
	for _, file := range corpusScenes(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".py")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			out, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".out")
			if err != nil {
				t.Fatalf("no stored CPython output: %v", err)
			}
			want, err := parseGolden(out)
			if err != nil {
				t.Fatalf("%s.out: %v", name, err)
			}
			res := Run(src, corpusOptions(t, filepath.Base(file)))
			got := goldenOf(res)
			if got.String() != want.String() {
				t.Errorf("engine differs from CPython\n--- CPython\n%s--- engine\n%s--- engine stderr\n%s", want, got, res.Stderr)
			}
		})
	}
}

// TestCorpusTraced runs the corpus with the trace on: the output must not
// change, and the trace must keep its invariants.
func TestCorpusTraced(t *testing.T) {
	for _, file := range corpusScenes(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".py")
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		opts := corpusOptions(t, filepath.Base(file))
		plain := Run(src, opts)
		opts.Trace = true
		traced := Run(src, opts)
		if plain.Stdout != traced.Stdout || plain.ExitCode != traced.ExitCode {
			t.Errorf("%s: tracing changed the run: exit %d vs %d", name, plain.ExitCode, traced.ExitCode)
			continue
		}
		if traced.Trace == nil {
			if traced.ExitCode != ExitRefused {
				t.Errorf("%s: no trace recorded", name)
			}
			continue
		}
		if err := traced.Trace.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestCorpusStillCPython re-runs CPython (under the virtual-clock harness)
// on every corpus scene to prove the stored outputs are still CPython's.
func TestCorpusStillCPython(t *testing.T) {
	python := reftool.Python(t, "the stored outputs are not re-checked against CPython")
	for _, dir := range corpusDirs {
		cmd := vclockCommand(python, "--check", dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("CPython no longer prints the stored outputs in %s:\n%s", dir, out)
		}
	}
}

// cpythonTraceback reduces CPython's stderr to what the engine can know:
// only the scene's own frames (asyncio's internals are Python code in
// CPython, Go in the engine), with their source and caret lines, the
// scene's path as its file name.
func cpythonTraceback(stderr, scenePath, filename string) string {
	var out []string
	stderr = strings.ReplaceAll(stderr, scenePath, filename)
	scenePath = filename
	lines := strings.Split(stderr, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if at := strings.Index(l, "File \""); at >= 0 && strings.Trim(l[:at], " |+-") == "" {
			if !strings.Contains(l, "\""+scenePath+"\"") {
				// Skip the frame: its File line and the deeper-indented
				// source and caret lines under it.
				deeper := l[:at] + "  "
				for i+1 < len(lines) && strings.HasPrefix(lines[i+1], deeper) {
					i++
				}
				continue
			}
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestTracebacksMatchCPython compares the engine's traceback for every
// corpus scene that ends uncaught with CPython's, frame for frame (the
// scene's frames) and line for line.
func TestTracebacksMatchCPython(t *testing.T) {
	python := reftool.Python(t, "the stored outputs are not re-checked against CPython")
	for _, file := range corpusScenes(t) {
		out, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".out")
		if err != nil || !bytes.Contains(out, []byte("\n=error ")) {
			continue
		}
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".py"), func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			cmd := vclockCommand(python, abs)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			_ = cmd.Run() // exits 1: the scene ends uncaught
			want := cpythonTraceback(stderr.String(), abs, name)
			src, _ := os.ReadFile(file)
			res := Run(src, corpusOptions(t, name))
			// The engine names asyncio's own frame that runs callbacks
			// (events.py's Handle._run) as CPython does: reduce both alike.
			if got := cpythonTraceback(res.Stderr, name, name); strings.TrimRight(got, "\n") != strings.TrimRight(want, "\n") {
				t.Errorf("traceback differs\n--- CPython (scene frames only)\n%s\n--- engine\n%s", want, got)
			}
		})
	}
}

// corpusStderr is CPython's stderr for a corpus scene, stored beside it as
// NAME.err, or "" with ok false when the scene has none: the scenes about
// what CPython writes on stderr (never-awaited warnings, errors logged by
// the loop). The scene's folder is written $DIR and CPython's standard
// library folder $STDLIB, so that the file compares on any machine:
//
//	python3 tools/vclock/vclock.py $PWD/NAME.py 2>&1 >/dev/null |
//	  sed "s#$PWD/#\$DIR/#g; s#$(python3 -c 'import os,asyncio; print(os.path.dirname(os.path.dirname(asyncio.__file__)))')/#\$STDLIB/#g" > NAME.err
func corpusStderr(t *testing.T, file string) (string, bool) {
	t.Helper()
	data, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".err")
	if os.IsNotExist(err) {
		return "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data), true
}

// TestCorpusStderr holds the engine to CPython's stderr, byte for byte,
// for the corpus scenes that store it (NAME.err): the engine runs the
// scene under its absolute path, as CPython did, and names CPython's
// standard library asyncio.StdlibDir.
func TestCorpusStderr(t *testing.T) {
	n := 0
	for _, file := range corpusScenes(t) {
		want, ok := corpusStderr(t, file)
		if !ok {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(file), ".py")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			res := Run(src, Options{Filename: abs})
			got := strings.ReplaceAll(res.Stderr, filepath.Dir(abs)+"/", "$DIR/")
			got = strings.ReplaceAll(got, asyncio.StdlibDir+"/", "$STDLIB/")
			if got != want {
				t.Errorf("stderr differs from CPython's\n--- CPython\n%s--- engine\n%s", want, got)
			}
		})
	}
	if n == 0 {
		t.Fatal("no corpus scene stores its stderr (NAME.err)")
	}
}

// TestCorpusStderrStillCPython re-runs CPython (under the virtual-clock
// harness) on the corpus scenes that store their stderr, to prove NAME.err
// is still what CPython writes.
func TestCorpusStderrStillCPython(t *testing.T) {
	python := reftool.Python(t, "the stored stderr is not re-checked against CPython")
	out, err := exec.Command(python, "-c", "import os, asyncio; print(os.path.dirname(os.path.dirname(asyncio.__file__)))").Output()
	if err != nil {
		t.Fatalf("cannot find CPython's standard library: %v", err)
	}
	stdlib := strings.TrimSpace(string(out))
	for _, file := range corpusScenes(t) {
		want, ok := corpusStderr(t, file)
		if !ok {
			continue
		}
		abs, err := filepath.Abs(file)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(python, "../../tools/vclock/vclock.py", abs)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		_ = cmd.Run()
		got := strings.ReplaceAll(stderr.String(), filepath.Dir(abs)+"/", "$DIR/")
		got = strings.ReplaceAll(got, stdlib+"/", "$STDLIB/")
		if got != want {
			t.Errorf("%s: CPython's stderr is no longer the stored one\n--- stored\n%s--- CPython\n%s", filepath.Base(file), want, got)
		}
	}
}
