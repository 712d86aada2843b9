package engine

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"loopscope/internal/reftool"
)

// Source text CPython refuses is refused, with CPython's words, at the
// line CPython names: bytes that are not UTF-8 (in code, a string or a
// comment) and NUL bytes anywhere.
func TestSourceDecoding(t *testing.T) {
	py := reftool.Python311(t, "the messages for undecodable source are not compared with CPython's")
	cases := []struct {
		name, src string
		line, col int
		msg       string // %s: the file name
	}{
		{"bad_utf8_comment", "x = 1\n# caf\xff\nprint(x)\n", 2, 6, "Non-UTF-8 code starting with '\\xff' in file %s on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"},
		{"bad_utf8_string", "x = 1\ns = \"caf\xe9\"\nprint(s)\n", 2, 9, "Non-UTF-8 code starting with '\\xe9' in file %s on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"},
		{"truncated_utf8_end", "print('ok')\n# \xe2\x82", 2, 3, "Non-UTF-8 code starting with '\\xe2' in file %s on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"},
		{"nul_in_string", "x = 1\ns = \"a\x00b\"\nprint(s)\n", 2, 7, "source code cannot contain null bytes"},
		{"nul_in_comment", "x = 1\n# a\x00b\nprint(x)\n", 2, 4, "source code cannot contain null bytes"},
		{"nul_in_code", "x = 1\ny = 2 \x00\n", 2, 7, "source code cannot contain null bytes"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, c.name+".py")
			if err := os.WriteFile(file, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			msg := c.msg
			if strings.Contains(msg, "%s") {
				msg = strings.ReplaceAll(msg, "%s", file)
			}
			res := Run([]byte(c.src), Options{Filename: file})
			if res.ExitCode != ExitRefused || res.Err == nil || res.Err.Line != c.line || res.Err.Col != c.col || res.Err.Msg != msg {
				t.Errorf("exit %d, err %+v; want %d:%d: %s", res.ExitCode, res.Err, c.line, c.col, msg)
			}
			out, _ := exec.Command(py, file).CombinedOutput()
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if last := lines[len(lines)-1]; last != "SyntaxError: "+msg {
				t.Errorf("CPython says %q, the engine %q", last, msg)
			}
			if !strings.Contains(string(out), "line 2") {
				t.Errorf("CPython does not blame line 2: %q", out)
			}
		})
	}
}
