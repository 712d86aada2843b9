package asyncio

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// The conformance corpus: every scenes/testdata/corpus/NAME.py runs
// through parse, resolve, compile and Run, and its golden form must equal
// NAME.out, which tools/vclock/vclock.py --golden wrote from CPython.
// -corpus=REGEXP-free substring picks scenes; -corpus-report lists them.

var (
	corpusFilter = flag.String("corpus", "", "run only corpus scenes whose name contains this")
	corpusReport = flag.Bool("corpus-report", false, "log pass/fail of every corpus scene")
)

// corpusWallClock is when the corpus scenes' wall clock starts, in UTC, as
// in scenes/engine's conformance test and vclock's --golden.
var corpusWallClock = time.Date(2026, 12, 7, 17, 13, 52, 0, time.UTC)

func runSource(filename string, src []byte, cfg Config) (*Result, error) {
	f, err := syntax.Parse(filename, src)
	if err != nil {
		return nil, err
	}
	if err := resolve.File(f); err != nil {
		return nil, err
	}
	prog, err := py.Compile(filename, f)
	if err != nil {
		return nil, err
	}
	cfg.Filename = filename
	return Run(prog, cfg), nil
}

// importsLibModule reports whether f imports, anywhere, a module that
// this package does not register (one of scenes/lib's).
func importsLibModule(f *syntax.File) bool {
	found := false
	unregistered := func(path []*syntax.Ident) {
		if len(path) > 0 && modules.Lookup(path[0].Name) == nil {
			found = true
		}
	}
	for _, st := range f.Stmts {
		syntax.Walk(st, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.ImportStmt:
				for _, name := range n.Names {
					unregistered(name.Path)
				}
			case *syntax.FromImportStmt:
				unregistered(n.Module)
			}
			return !found
		})
	}
	return found
}

func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "testdata", "corpus")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	sort.Strings(paths)
	pass, fail := 0, 0
	var failed []string
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".py")
		if *corpusFilter != "" && !strings.Contains(name, *corpusFilter) {
			continue
		}
		want, err := os.ReadFile(strings.TrimSuffix(p, ".py") + ".out")
		if err != nil {
			continue
		}
		src, _ := os.ReadFile(p)
		if f, err := syntax.Parse(name, src); err == nil && importsLibModule(f) {
			// scenes/lib's modules are not linked into this package's
			// tests; scenes/engine's TestCorpus runs such scenes
			continue
		}
		t.Run(name, func(t *testing.T) {
			res, err := runSource(filepath.Base(p), src, Config{Trace: true, WallClock: corpusWallClock})
			if err != nil {
				fail++
				failed = append(failed, name+" (refused: "+firstLine(err.Error())+")")
				t.Errorf("refused: %v", err)
				return
			}
			if res.Internal != nil {
				fail++
				failed = append(failed, name+" (internal)")
				t.Errorf("internal error: %v", res.Internal)
				return
			}
			if err := res.Trace.Validate(); err != nil {
				t.Errorf("trace: %v", err)
			}
			got := res.Golden()
			if got != string(want) {
				fail++
				failed = append(failed, name)
				t.Errorf("golden mismatch\n--- got\n%s--- want\n%s--- stderr\n%s", got, want, res.Stderr)
				if res.Stop != nil {
					t.Logf("stop: %s", res.Stop.Msg)
				}
				return
			}
			pass++
		})
	}
	t.Logf("corpus: %d pass, %d fail", pass, fail)
	if *corpusReport {
		for _, f := range failed {
			t.Logf("FAIL %s", f)
		}
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// TestScenes runs the loop's own scenes in testdata/ (tricky corners of
// wait_for, gather, shield, timeout, TaskGroup, runner shutdown), whose
// .out files vclock wrote from CPython in the same way.
func TestScenes(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.py"))
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".py")
		want, err := os.ReadFile(strings.TrimSuffix(p, ".py") + ".out")
		if err != nil {
			t.Errorf("%s: no .out: run python3 tools/vclock/vclock.py --golden", name)
			continue
		}
		src, _ := os.ReadFile(p)
		if f, err := syntax.Parse(name, src); err == nil && importsLibModule(f) {
			// scenes/lib's modules are not linked into this package's
			// tests; scenes/engine's TestCorpus runs such scenes
			continue
		}
		t.Run(name, func(t *testing.T) {
			res, err := runSource(filepath.Base(p), src, Config{Trace: true, WallClock: corpusWallClock})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if res.Internal != nil {
				t.Fatalf("internal error: %v", res.Internal)
			}
			if err := res.Trace.Validate(); err != nil {
				t.Errorf("trace: %v", err)
			}
			if got := res.Golden(); got != string(want) {
				t.Errorf("golden mismatch\n--- got\n%s--- want\n%s--- stderr\n%s", got, want, res.Stderr)
			}
		})
	}
}
