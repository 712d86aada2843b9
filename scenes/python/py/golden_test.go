package py

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"strings"
	"testing"

	"loopscope/internal/reftool"
)

// pythonDriver runs each chunk with exec in a fresh namespace, printing the
// chunk's output and, for an uncaught exception, "=error " and the last
// traceback line. Chunks are separated by NUL in the JSON list it prints.
const pythonDriver = `
import sys, io, json, traceback, contextlib
chunks = json.load(sys.stdin)
out = []
for c in chunks:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            exec(compile(c, "scene.py", "exec"), {"__name__": "__main__"})
        except BaseException as e:
            print("=error " + traceback.format_exception_only(type(e), e)[-1].rstrip("\n"))
    out.append(buf.getvalue())
json.dump(out, sys.stdout)
`

// goldenFile picks the chunk file TestGoldenAgainstCPython runs (for
// differential runs over generated programs).
var goldenFile = flag.String("golden-file", "testdata/golden.py.txt", "chunk file compared against python3")

func requirePython(t *testing.T) string {
	t.Helper()
	return reftool.Python(t, "the golden comparisons against CPython do not run")
}

func splitChunks(src string) []string {
	var chunks []string
	for _, c := range strings.Split(src, "\n---\n") {
		chunks = append(chunks, strings.TrimPrefix(c, "---\n")+"\n")
	}
	return chunks
}

// TestGoldenAgainstCPython runs every chunk of testdata/golden.py.txt in
// python3 and in the VM and requires the same output and error line.
func TestGoldenAgainstCPython(t *testing.T) {
	pyPath := requirePython(t)
	src, err := os.ReadFile(*goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	chunks := splitChunks(string(src))
	want := runChunksInPython(t, pyPath, chunks)
	for i, c := range chunks {
		if out := runChunk(t, c); out != want[i] {
			t.Errorf("chunk %d:\n%s\n--- got\n%s--- want (CPython)\n%s", i, firstLines(c, 3), out, want[i])
		}
	}
}

// runChunksInPython returns what python3 prints for each chunk.
func runChunksInPython(t *testing.T, pyPath string, chunks []string) []string {
	t.Helper()
	in, _ := json.Marshal(chunks)
	cmd := exec.Command(pyPath, "-c", pythonDriver)
	cmd.Stdin = strings.NewReader(string(in))
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want []string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	return want
}

// runChunk returns what the VM prints for a chunk, with the same error
// line format as pythonDriver.
func runChunk(t *testing.T, c string) string {
	out, err := runSource(t, c)
	if err != nil {
		if e, ok := err.(*Exception); ok {
			out += "=error " + e.Error() + "\n"
		} else {
			out += "=fail " + err.Error() + "\n"
		}
	}
	return out
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// TestDifferentialGenerated runs programs generated at random (with fixed
// seeds) by testdata/gen_*.py through python3 and the VM.
func TestDifferentialGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("differential runs over generated programs are skipped in -short mode")
	}
	pyPath := requirePython(t)
	for _, gen := range []string{"testdata/gen_numbers.py", "testdata/gen_collections.py", "testdata/gen_control.py", "testdata/gen_calls.py", "testdata/gen_types.py"} {
		for _, seed := range []string{"1", "2"} {
			src, err := exec.Command(pyPath, gen, seed).Output()
			if err != nil {
				t.Fatalf("%s: %v", gen, err)
			}
			chunks := splitChunks(string(src))
			want := runChunksInPython(t, pyPath, chunks)
			for i, c := range chunks {
				if got := runChunk(t, c); got != want[i] {
					t.Errorf("%s seed %s chunk %d:\n%s\n--- got\n%s--- want (CPython)\n%s", gen, seed, i, c, got, want[i])
				}
			}
		}
	}
}
