package py

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// asyncImport marks scenes that import a module: they need the host and
// the module registry (scenes/lib), which the VM alone does not have.
var asyncImport = regexp.MustCompile(`(?m)^\s*(import|from)\s+\w`)

// TestCorpusSync runs the corpus scenes that import nothing through the VM
// alone and compares the printed lines (and the error line or exit status)
// with CPython's golden output.
func TestCorpusSync(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/*.py")
	if len(files) == 0 {
		t.Fatal("no corpus scenes in ../../testdata/corpus")
	}
	ran := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if asyncImport.Match(src) {
			continue
		}
		golden, err := os.ReadFile(strings.TrimSuffix(path, ".py") + ".out")
		if err != nil {
			continue
		}
		ran++
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, wantErr := parseGolden(string(golden))
			out, err := runSource(t, string(src))
			gotErr := ""
			if err != nil {
				if e, ok := err.(*Exception); ok {
					gotErr = e.TracebackLine()
				} else {
					t.Fatalf("run: %v", err)
				}
			}
			if out != want {
				t.Errorf("output differs\n--- got\n%s--- want\n%s", out, want)
			}
			if gotErr != wantErr {
				t.Errorf("error: got %q, want %q", gotErr, wantErr)
			}
		})
	}
	t.Logf("%d sync scenes", ran)
}

// parseGolden returns the printed text and the uncaught exception line of
// a .out file.
func parseGolden(s string) (out, errLine string) {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		switch {
		case strings.HasPrefix(line, "=error "):
			errLine = strings.TrimPrefix(line, "=error ")
		case strings.HasPrefix(line, "="):
		case line == "":
		default:
			if i := strings.IndexByte(line, '|'); i >= 0 {
				b.WriteString(line[i+1:])
				b.WriteByte('\n')
			}
		}
	}
	return b.String(), errLine
}
