package py

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func mustRun(t *testing.T, src string) string {
	t.Helper()
	out, err := runSource(t, src)
	if err != nil {
		t.Fatalf("run: %v\noutput so far:\n%s", err, out)
	}
	return out
}

func TestCoroutineDrivenByHost(t *testing.T) {
	prog := compileSrc(t, `
async def inner(x):
    got = await tick()
    print("inner got", got)
    return x * 2

async def main():
    a = await inner(1)
    b = await inner(a)
    try:
        await tick()
    except ValueError as e:
        print("caught thrown", e)
    return a + b
`)
	h := &testHost{}
	th := prog.Main(h)
	if _, _, err := th.Run(); err != nil {
		t.Fatal(err)
	}
	co := startCoroutine(t, prog, th, "main")
	if co.Started() || co.QualName() != "main" {
		t.Fatalf("fresh coroutine: started=%v qualname=%q", co.Started(), co.QualName())
	}
	if line, _ := co.Where(); line != 7 {
		t.Errorf("Where before start = %d, want 7 (the def line)", line)
	}
	var yields int
	sends := []Value{Str("one"), Str("two")}
	var v Value
	var st CoroState
	var err error
	v, st, err = co.Resume(th, None, nil)
	for st == CoroYielded {
		if line, _ := co.Where(); line != 3 && line != 11 {
			t.Errorf("suspended at line %d", line)
		}
		yields++
		if yields <= len(sends) {
			v, st, err = co.Resume(th, sends[yields-1], nil)
		} else {
			v, st, err = co.Resume(th, None, Errorf(ValueErrorType, "boom"))
		}
	}
	if err != nil || st != CoroReturned {
		t.Fatalf("state %v err %v", st, err)
	}
	if v != Int(6) || yields != 3 {
		t.Errorf("result %v after %d yields", v, yields)
	}
	want := "inner got one\ninner got two\ncaught thrown boom\n"
	if h.out.String() != want {
		t.Errorf("output %q, want %q", h.out.String(), want)
	}
	if !co.Done() {
		t.Error("not done")
	}
	_, st, err = co.Resume(th, None, nil)
	if st != CoroRaised || err == nil || err.Error() != "RuntimeError: cannot reuse already awaited coroutine" {
		t.Errorf("reuse: %v %v", st, err)
	}
}

func TestCoroutineRaisesWithTraceback(t *testing.T) {
	prog := compileSrc(t, `
def helper():
    raise KeyError("gone")

async def inner():
    await tick()
    helper()

async def main():
    await inner()
`)
	th := prog.Main(&testHost{})
	if _, _, err := th.Run(); err != nil {
		t.Fatal(err)
	}
	co := startCoroutine(t, prog, th, "main")
	_, st, err := co.Resume(th, None, nil)
	if st != CoroYielded || err != nil {
		t.Fatal(st, err)
	}
	_, st, err = co.Resume(th, None, nil)
	if st != CoroRaised {
		t.Fatal(st)
	}
	e := err.(*Exception)
	if e.Error() != "KeyError: 'gone'" {
		t.Errorf("error %q", e.Error())
	}
	var got []string
	for _, tb := range e.Traceback() {
		got = append(got, tb.Function+":"+itoa(tb.Line))
	}
	if strings.Join(got, " ") != "main:10 inner:7 helper:3" {
		t.Errorf("traceback %v", got)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestAwaitErrors(t *testing.T) {
	prog := compileSrc(t, `
async def work():
    return 1

async def twice():
    c = work()
    await c
    await c

async def bad():
    await 5
`)
	th := prog.Main(&testHost{})
	if _, _, err := th.Run(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"twice": "RuntimeError: cannot reuse already awaited coroutine",
		"bad":   "TypeError: object int can't be used in 'await' expression",
	} {
		co := startCoroutine(t, prog, th, name)
		_, st, err := co.Resume(th, None, nil)
		if st != CoroRaised || err == nil || err.Error() != want {
			t.Errorf("%s: %v %v, want %s", name, st, err, want)
		}
	}
}

func TestCoroutineClose(t *testing.T) {
	prog := compileSrc(t, `
async def main():
    try:
        await tick()
    finally:
        print("cleanup")
`)
	h := &testHost{}
	th := prog.Main(h)
	if _, _, err := th.Run(); err != nil {
		t.Fatal(err)
	}
	co := startCoroutine(t, prog, th, "main")
	if _, st, _ := co.Resume(th, None, nil); st != CoroYielded {
		t.Fatal(st)
	}
	if err := co.Close(th); err != nil {
		t.Fatal(err)
	}
	if h.out.String() != "cleanup\n" || !co.Done() {
		t.Errorf("close: out %q done %v", h.out.String(), co.Done())
	}
}

// blockingHost lets wait() block the thread that calls it.
func TestThreadBlocksAndResumes(t *testing.T) {
	calls := 0
	builtinValues["wait_for_it"] = NewBuiltin("wait_for_it", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		calls++
		if !t.CanBlock() {
			return nil, errors.New("cannot block")
		}
		return nil, ErrBlock
	})
	defer delete(builtinValues, "wait_for_it")
	prog := compileSrc(t, `
def work(n):
    total = 0
    for i in range(n):
        try:
            total += wait_for_it()
        finally:
            print("step", i)
    return total
`)
	h := &testHost{}
	main := prog.Main(h)
	if _, _, err := main.Run(); err != nil {
		t.Fatal(err)
	}
	fn := main.vm.runBase.globals.slots[main.vm.runBase.globals.index["work"]]
	worker := NewThread(h, "worker", 2)
	worker.Start(fn, []Value{Int(3)}, nil)
	for i := 0; ; i++ {
		done, v, err := worker.Run()
		if err != nil {
			t.Fatal(err)
		}
		if done {
			if v != Int(60) {
				t.Errorf("result %v", v)
			}
			break
		}
		if line, _ := worker.Where(); line != 6 {
			t.Errorf("blocked at line %d", line)
		}
		worker.SetOutcome(Int(20), nil)
	}
	if calls != 3 || h.out.String() != "step 0\nstep 1\nstep 2\n" {
		t.Errorf("calls %d out %q", calls, h.out.String())
	}
	// A thread blocked in its start builtin.
	b := NewThread(h, "b", 3)
	b.Start(builtinValues["wait_for_it"], nil, nil)
	done, _, err := b.Run()
	if done || err != nil {
		t.Fatal(done, err)
	}
	b.SetOutcome(nil, Errorf(ValueErrorType, "late"))
	done, _, err = b.Run()
	if !done || err == nil || err.Error() != "ValueError: late" {
		t.Errorf("builtin start: %v %v", done, err)
	}
}

func TestRecursionLimit(t *testing.T) {
	out := mustRun(t, `
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("py", e)

def via_builtin(n):
    return sorted([1, 2], key=lambda v: via_builtin(n + 1))
try:
    via_builtin(0)
except RecursionError as e:
    print("nested", type(e).__name__)

def via_map(n):
    return list(map(via_map, [n + 1]))
try:
    via_map(0)
except RecursionError as e:
    print("map", type(e).__name__)
print("still alive")
`)
	want := "py maximum recursion depth exceeded\nnested RecursionError\nmap RecursionError\nstill alive\n"
	if out != want {
		t.Errorf("got %q", out)
	}
}

func TestRecursionLimitSettable(t *testing.T) {
	prog := compileSrc(t, `
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) < 60)
`)
	prog.RecursionLimit = 50
	h := &testHost{}
	if _, _, err := prog.Main(h).Run(); err != nil {
		t.Fatal(err)
	}
	if h.out.String() != "True\n" {
		t.Errorf("got %q", h.out.String())
	}
}

func TestMemoryError(t *testing.T) {
	for _, src := range []string{
		"x = [0] * 10**10",
		"x = 'x' * 10**12",
		"x = [1, 2] * (2**62)",
		"x = 2 ** (10**9)",
		"x = list(range(10**10))",
		"x = 1 << (10**10)",
	} {
		_, err := runSource(t, src+"\n")
		if err == nil || !strings.HasPrefix(err.Error(), "MemoryError") {
			t.Errorf("%s: %v", src, err)
		}
	}
}

func TestPanicBecomesInternalError(t *testing.T) {
	builtinValues["explode"] = NewBuiltin("explode", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		var l []int
		return Int(l[len(args)+3]), nil
	})
	defer delete(builtinValues, "explode")
	_, err := runSource(t, "x = 1\nexplode()\n")
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Line != 2 {
		t.Fatalf("got %v", err)
	}
}

func TestStepBudgetStops(t *testing.T) {
	h := &testHost{maxSteps: 3}
	_, err := runWith(h, "while True:\n    pass\n")
	if err == nil || !strings.Contains(err.Error(), "step budget") {
		t.Fatalf("got %v", err)
	}
	// a budget error passes through except and finally without running them
	h = &testHost{maxSteps: 3}
	out, err := runWith(h, "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\nfinally:\n    print('finally')\n")
	if err == nil || out != "" {
		t.Fatalf("got %q %v", out, err)
	}
}

func TestTracebackOfUncaught(t *testing.T) {
	_, err := runSource(t, `
def a():
    b()

def b():
    x = {}
    return x["k"]

a()
`)
	e, ok := err.(*Exception)
	if !ok {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range e.Traceback() {
		got = append(got, tb.Function+":"+itoa(tb.Line))
	}
	if strings.Join(got, " ") != "<module>:9 a:3 b:7" || e.Error() != "KeyError: 'k'" {
		t.Errorf("traceback %v, %q", got, e.Error())
	}
	// x["k"] spans columns 12 to 17 of line 7
	if tb := e.Traceback()[2]; tb.Col != 12 || tb.EndLine != 7 || tb.EndCol != 18 {
		t.Errorf("range of the failing expression: %+v", tb)
	}
}

func TestExceptionContextAndCause(t *testing.T) {
	out := mustRun(t, `
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("x")
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    finally:
        print("in finally")
except ZeroDivisionError as e:
    print("after finally", e.__context__)
`)
	want := "ZeroDivisionError None False\nin finally\nafter finally None\n"
	if out != want {
		t.Errorf("got %q", out)
	}
}

func TestAsyncGenerator(t *testing.T) {
	prog := compileSrc(t, `
async def ticker(n):
    for i in range(n):
        await tick()
        yield i * 10
    print("ticker done")

async def main():
    got = []
    async for v in ticker(3):
        got.append(v)
    squares = [v async for v in ticker(2) if v >= 0]
    return got, squares
`)
	h := &testHost{}
	th := prog.Main(h)
	if _, _, err := th.Run(); err != nil {
		t.Fatal(err)
	}
	co := startCoroutine(t, prog, th, "main")
	yields := 0
	v, st, err := co.Resume(th, None, nil)
	for st == CoroYielded {
		yields++
		v, st, err = co.Resume(th, None, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Repr(th, v)
	if s != "([0, 10, 20], [0, 10])" || yields != 5 || h.out.String() != "ticker done\nticker done\n" {
		t.Errorf("got %s after %d yields, output %q", s, yields, h.out.String())
	}
}

func TestStepsCountsInstructions(t *testing.T) {
	prog := compileSrc(t, "x = 0\nfor i in range(10000):\n    x += i\n")
	th := prog.Main(&testHost{})
	if _, _, err := th.Run(); err != nil {
		t.Fatal(err)
	}
	// 10,000 iterations of about 6 instructions each
	if n := th.Steps(); n < 50000 || n > 80000 {
		t.Errorf("Steps() = %d", n)
	}
}

func TestThreadStartAgain(t *testing.T) {
	prog := compileSrc(t, "def job(n):\n    if n < 0:\n        raise ValueError(n)\n    return n * 2\n")
	h := &testHost{}
	main := prog.Main(h)
	if _, _, err := main.Run(); err != nil {
		t.Fatal(err)
	}
	job := main.vm.runBase.globals.slots[main.vm.runBase.globals.index["job"]]
	w := NewThread(h, "worker", 2)
	for _, n := range []int{1, -1, 3} {
		w.Start(job, []Value{Int(n)}, nil)
		done, v, err := w.Run()
		if !done {
			t.Fatal("not done")
		}
		if n < 0 {
			if err == nil || err.Error() != "ValueError: -1" {
				t.Errorf("job(%d): %v", n, err)
			}
			continue
		}
		if err != nil || v != Int(2*n) {
			t.Errorf("job(%d) = %v, %v", n, v, err)
		}
	}
}
