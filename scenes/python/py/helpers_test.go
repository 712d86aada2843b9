package py

import (
	"fmt"
	"strings"
	"testing"

	"loopscope/scenes/python/syntax"
)

// testHost collects print output; it supports no modules.
type testHost struct {
	out      strings.Builder
	maxSteps int
	ticks    int
}

func (h *testHost) Import(t *Thread, name string) (Value, error) {
	return nil, Errorf(ModuleNotFoundErrorType, "No module named '%s'", name)
}
func (h *testHost) Write(t *Thread, s string) { h.out.WriteString(s) }
func (h *testHost) Tick(t *Thread, line, col int) error {
	h.ticks++
	if h.maxSteps > 0 && h.ticks > h.maxSteps {
		return fmt.Errorf("step budget exceeded at line %d", line)
	}
	return nil
}
func (h *testHost) BlockInline(t *Thread, ready func() bool, deadline float64) (bool, error) {
	return ready(), nil
}

// runSource compiles and runs src, returning its output and the error
// (an uncaught exception is rendered as its last traceback line).
func runSource(t testing.TB, src string) (string, error) {
	h := &testHost{}
	out, err := runWith(h, src)
	return out, err
}

func runWith(h *testHost, src string) (string, error) {
	f, err := syntax.Parse("scene.py", []byte(src))
	if err != nil {
		return "", err
	}
	prog, err := Compile("scene.py", f)
	if err != nil {
		return "", err
	}
	th := prog.Main(h)
	done, _, err := th.Run()
	if !done && err == nil {
		err = fmt.Errorf("thread blocked")
	}
	return h.out.String(), err
}
