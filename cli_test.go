package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// failWriter fails every write, as a full disk or a closed pipe does.
type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 0, errors.New("no space left on device") }

func writeScene(t *testing.T, src string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "scene.py")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// A run whose output cannot be written exits 1 and says why: its output is
// incomplete, so 0 would be a lie.
func TestRunOutputWriteFails(t *testing.T) {
	file := writeScene(t, "print('hello')\n")
	for name, cmd := range map[string]func([]string, io.Writer, io.Writer) int{"run": runCmd, "trace": traceCmd} {
		var stderr bytes.Buffer
		if code := cmd([]string{file}, failWriter{}, &stderr); code != 1 {
			t.Errorf("%s to a failing stdout: exit %d, want 1", name, code)
		}
		if !strings.Contains(stderr.String(), "loopscope "+name+": cannot write the output: no space left on device") {
			t.Errorf("%s: stderr %q", name, stderr.String())
		}
		// A failing stderr (the scene's traceback goes there) is a failure too.
		bad := writeScene(t, "raise ValueError('boom')\n")
		var stdout bytes.Buffer
		if code := cmd([]string{bad}, &stdout, failWriter{}); code != 1 {
			t.Errorf("%s to a failing stderr: exit %d, want 1", name, code)
		}
	}
	// The same run to a working stdout succeeds.
	var stdout, stderr bytes.Buffer
	if code := runCmd([]string{file}, &stdout, &stderr); code != 0 || stdout.String() != "hello\n" {
		t.Errorf("run: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

// A budget flag that is not a positive finite number is refused with a
// message naming the flag, not silently replaced by the default.
func TestBudgetFlagsRefused(t *testing.T) {
	file := writeScene(t, "print('hello')\n")
	for _, args := range [][]string{
		{"-max-steps", "-5"}, {"-max-steps", "0"}, {"-max-time", "-1"}, {"-max-time", "inf"},
		{"-max-time", "nan"}, {"-max-time", "-inf"}, {"-max-events", "-1"}, {"-max-memory", "-1"},
		{"-max-depth", "-2"},
	} {
		var stdout, stderr bytes.Buffer
		// before and after the file
		for _, argv := range [][]string{append(append([]string{}, args...), file), append([]string{file}, args...)} {
			stdout.Reset()
			stderr.Reset()
			if code := runCmd(argv, &stdout, &stderr); code != 2 {
				t.Errorf("run %v: exit %d, want 2", argv, code)
			}
			if !strings.Contains(stderr.String(), "loopscope run: "+args[0]+" must be a positive, finite number") || stdout.Len() != 0 {
				t.Errorf("run %v: stdout %q, stderr %q", argv, stdout.String(), stderr.String())
			}
		}
	}
	var stdout, stderr bytes.Buffer
	if code := runCmd([]string{"-max-time", "1e9", "-max-steps", "5000", file}, &stdout, &stderr); code != 0 || stdout.String() != "hello\n" {
		t.Errorf("good budgets: exit %d, %q %q", code, stdout.String(), stderr.String())
	}
}

// run writes stdout and stderr in the order the scene wrote them, as
// python3 in a terminal shows them, and the uncaught traceback last; the
// wall clock starts where -wall-clock says.
func TestRunInterleavesStderr(t *testing.T) {
	file := writeScene(t, `import logging, time
print("one")
logging.warning("two at %s", time.strftime("%H:%M:%S", time.gmtime()))
print("three")
logging.error("four")
raise ValueError("five")
`)
	var both bytes.Buffer
	if code := runCmd([]string{"-wall-clock", "2026-12-07T17:13:52Z", file}, &both, &both); code != 1 {
		t.Fatalf("exit %d, output %q", code, both.String())
	}
	want := "one\nWARNING:root:two at 17:13:52\nthree\nERROR:root:four\nTraceback (most recent call last):\n"
	if !strings.HasPrefix(both.String(), want) || !strings.HasSuffix(both.String(), "ValueError: five\n") {
		t.Errorf("got %q, want it to start with %q and end with the traceback", both.String(), want)
	}
}

// run -mistakes prints the scene's mistakes after its output, one a line
// on stderr as file:line:col: kind: message, in -lang's language; without
// the flag nothing is added.
func TestRunMistakes(t *testing.T) {
	file := writeScene(t, `import asyncio, time
async def main():
    time.sleep(1)
    print("done")
asyncio.run(main())
`)
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"-mistakes"}, file + ":3:5: blocking: time.sleep(1) blocks the event loop's only thread"},
		{[]string{"-mistakes", "-lang", "ko"}, file + ":3:5: blocking: time.sleep(1) 호출이 이벤트 루프의 하나뿐인 스레드를 막습니다."},
	} {
		var stdout, stderr bytes.Buffer
		if code := runCmd(append(c.args, file), &stdout, &stderr); code != 0 || stdout.String() != "done\n" {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", c.args, code, stdout.String(), stderr.String())
		}
		if !strings.HasPrefix(stderr.String(), c.want) || c.want == "" && stderr.Len() > 0 || strings.Count(stderr.String(), "\n") > 1 {
			t.Errorf("%v: stderr %q, want one line starting %q", c.args, stderr.String(), c.want)
		}
	}
	var stderr bytes.Buffer
	if code := runCmd([]string{"-mistakes", "-lang", "fr", file}, new(bytes.Buffer), &stderr); code != 2 {
		t.Errorf("-lang fr: exit %d, want 2 (%s)", code, stderr.String())
	}
}
