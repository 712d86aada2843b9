package py

import (
	"testing"

	"loopscope/scenes/python/syntax"
)

// yieldOnce is a native coroutine: the first Resume yields None, the
// second returns the value sent in (or raises what was thrown).
type yieldOnce struct{ n int }

func (*yieldOnce) Type() *Type { return CoroutineType }
func (y *yieldOnce) Resume(t *Thread, send Value, throw *Exception) (Value, CoroState, error) {
	y.n++
	if throw != nil {
		return nil, CoroRaised, throw
	}
	if y.n == 1 {
		return None, CoroYielded, nil
	}
	return send, CoroReturned, nil
}
func (y *yieldOnce) Close(t *Thread) error { return nil }
func (y *yieldOnce) QualName() string      { return "tick" }
func (y *yieldOnce) Where() (int, int)     { return 0, 0 }
func (y *yieldOnce) Started() bool         { return y.n > 0 }
func (y *yieldOnce) Done() bool            { return y.n > 1 }

var tickBuiltin = NewBuiltin("tick", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return &yieldOnce{}, nil
})

func init() {
	builtinValues["tick"] = tickBuiltin
}

// startCoroutine runs the module of prog on th (already run) and calls the
// global async function name.
func startCoroutine(tb testing.TB, prog *Program, th *Thread, name string, args ...Value) Coroutine {
	tb.Helper()
	fn := th.vm.runBase.globals.slots[th.vm.runBase.globals.index[name]]
	v, err := th.Call(fn, args, nil)
	if err != nil {
		tb.Fatal(err)
	}
	co, ok := v.(Coroutine)
	if !ok {
		tb.Fatalf("%s() returned %T", name, v)
	}
	return co
}

// driveCoroutine resumes co until it finishes, sending back what it
// yields; it returns the printed output, the result and the number of
// suspensions.
func compileSrc(tb testing.TB, src string) *Program {
	tb.Helper()
	f, err := syntax.Parse("scene.py", []byte(src))
	if err != nil {
		tb.Fatal(err)
	}
	prog, err := Compile("scene.py", f)
	if err != nil {
		tb.Fatal(err)
	}
	return prog
}
