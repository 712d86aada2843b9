package py

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"loopscope/scenes/python/syntax"
)

// FuzzRun compiles and runs arbitrary source with a small step budget: any
// input may fail, but none may panic the VM (a recovered Go panic shows up
// as an *InternalError, which fails the fuzz test too).
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/corpus/*.py")
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err == nil && !asyncImport.Match(src) {
			f.Add(string(src))
		}
	}
	if src, err := os.ReadFile("testdata/golden.py.txt"); err == nil {
		for _, c := range splitChunks(string(src)) {
			f.Add(c)
		}
	}
	f.Add("x = [1]\nfor i in range(3):\n    x = [x, x]\nprint(x)\n")
	f.Fuzz(func(t *testing.T, src string) {
		file, err := syntax.Parse("fuzz.py", []byte(src))
		if err != nil {
			return
		}
		prog, err := Compile("fuzz.py", file)
		if err != nil {
			var se *syntax.Error
			if errors.As(err, &se) && len(se.Msg) > 15 && se.Msg[:15] == "internal error:" {
				t.Fatalf("compiler: %v", err)
			}
			return
		}
		h := &testHost{maxSteps: 200}
		th := prog.Main(h)
		_, _, err = th.Run()
		var ie *InternalError
		if errors.As(err, &ie) {
			t.Fatalf("internal error: %v\n%s", ie, ie.Stack)
		}
	})
}
