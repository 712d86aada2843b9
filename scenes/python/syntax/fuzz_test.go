package syntax_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "loopscope/scenes/lib" // the modules scenes can import, which the resolver checks
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// seeds returns the seed inputs for FuzzParse: the scene corpus, the bad
// scenes, the benchmark scene and every chunk of the resolver's error
// tests.
func seeds(t testing.TB) [][]byte {
	var out [][]byte
	var files []string
	for _, pat := range []string{"../../testdata/corpus/*.py", "../../testdata/bad/*.py", "testdata/*.py"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	if data, err := os.ReadFile("../resolve/testdata/errors.py"); err == nil {
		for _, chunk := range strings.Split(string(data), "\n---\n") {
			out = append(out, []byte(chunk))
		}
	}
	return out
}

// FuzzParse checks that no input makes the parser or the resolver panic
// or report an internal error, and that every node of a parsed tree has
// sane positions.
func FuzzParse(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := syntax.Parse("fuzz.py", src)
		if err != nil {
			e, ok := err.(*syntax.Error)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if strings.HasPrefix(e.Msg, "internal error") {
				t.Fatalf("%v\n%q", err, src)
			}
			if !e.Pos.IsValid() || e.Pos.Col < 1 {
				t.Fatalf("error with bad position: %v", err)
			}
			return
		}
		syntax.Walk(file, func(n syntax.Node) bool {
			if n == nil {
				return true
			}
			if !n.Pos().IsValid() {
				t.Fatalf("%T has no position\n%q", n, src)
			}
			if n.End().Before(n.Pos()) {
				t.Fatalf("%T ends (%v) before it starts (%v)\n%q", n, n.End(), n.Pos(), src)
			}
			return true
		})
		if err := resolve.File(file); err != nil {
			for _, e := range err.(resolve.ErrorList) {
				if !e.Pos.IsValid() {
					t.Fatalf("resolve error with bad position: %v", e)
				}
			}
		}
	})
}

// BenchmarkParse parses a realistic 200-line scene.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/bench_scene.py")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := syntax.Parse("bench_scene.py", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseResolve parses and resolves the same scene.
func BenchmarkParseResolve(b *testing.B) {
	src, err := os.ReadFile("testdata/bench_scene.py")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		f, err := syntax.Parse("bench_scene.py", src)
		if err != nil {
			b.Fatal(err)
		}
		if err := resolve.File(f); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchSceneIsValid keeps the benchmark input honest: it must parse
// and resolve.
func TestBenchSceneIsValid(t *testing.T) {
	src, err := os.ReadFile("testdata/bench_scene.py")
	if err != nil {
		t.Fatal(err)
	}
	f, err := syntax.Parse("bench_scene.py", src)
	if err != nil {
		t.Fatal(err)
	}
	if err := resolve.File(f); err != nil {
		t.Fatal(err)
	}
}

// FuzzHighlight checks that the editor's colouring never panics and that
// its spans are in order, apart and inside the source, for any input: the
// seeds are the corpus, the bad scenes and the resolver's error chunks,
// each also cut in half as a learner's half-typed file.
func FuzzHighlight(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
		f.Add(s[:len(s)/2])
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		end := 0
		for _, sp := range syntax.Highlight(src, resolve.IsBuiltin) {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(src) || sp.Color < syntax.ColorKeyword || sp.Color > syntax.ColorBuiltin {
				t.Fatalf("bad span %+v after offset %d in %q", sp, end, src)
			}
			end = sp.End
		}
	})
}
