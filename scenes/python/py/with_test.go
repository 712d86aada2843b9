package py

import (
	"testing"
)

// testCM is a native context manager that logs and may suppress.
type testCM struct {
	name     string
	suppress bool
	log      *[]string
}

func (*testCM) Type() *Type { return ObjectType }
func (c *testCM) Enter(t *Thread) (Value, error) {
	*c.log = append(*c.log, "enter "+c.name)
	return Str(c.name), nil
}
func (c *testCM) Exit(t *Thread, exc *Exception) (bool, error) {
	if exc != nil {
		*c.log = append(*c.log, "exit "+c.name+" "+exc.Error())
	} else {
		*c.log = append(*c.log, "exit "+c.name)
	}
	return c.suppress, nil
}

// AEnter and AExit make testCM an async context manager too; their
// awaitables yield once (like a lock that has to wait).
func (c *testCM) AEnter(t *Thread) (Value, error) {
	*c.log = append(*c.log, "aenter "+c.name)
	return &yieldThen{v: Str(c.name)}, nil
}
func (c *testCM) AExit(t *Thread, exc *Exception) (Value, error) {
	if exc != nil {
		*c.log = append(*c.log, "aexit "+c.name+" "+exc.Error())
	} else {
		*c.log = append(*c.log, "aexit "+c.name)
	}
	return &yieldThen{v: Bool(c.suppress)}, nil
}

// yieldThen yields once, then returns v.
type yieldThen struct {
	v Value
	n int
}

func (*yieldThen) Type() *Type { return CoroutineType }
func (y *yieldThen) Resume(t *Thread, send Value, throw *Exception) (Value, CoroState, error) {
	y.n++
	if throw != nil {
		return nil, CoroRaised, throw
	}
	if y.n == 1 {
		return None, CoroYielded, nil
	}
	return y.v, CoroReturned, nil
}
func (y *yieldThen) Close(t *Thread) error { return nil }
func (y *yieldThen) QualName() string      { return "yieldThen" }
func (y *yieldThen) Where() (int, int)     { return 0, 0 }
func (y *yieldThen) Started() bool         { return y.n > 0 }
func (y *yieldThen) Done() bool            { return y.n > 1 }

func runWithCMs(t *testing.T, src string, async bool) (string, []string) {
	t.Helper()
	var log []string
	builtinValues["cm"] = NewBuiltin("cm", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		return &testCM{name: string(args[0].(Str)), suppress: len(args) > 1 && Truth(args[1]), log: &log}, nil
	})
	defer delete(builtinValues, "cm")
	h := &testHost{}
	prog := compileSrc(t, src)
	th := prog.Main(h)
	if _, _, err := th.Run(); err != nil {
		t.Fatal(err)
	}
	if !async {
		return h.out.String(), log
	}
	co := startCoroutine(t, prog, th, "main")
	for {
		v, st, err := co.Resume(th, None, nil)
		if st == CoroYielded {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		s, _ := ToStr(th, v)
		h.Write(th, "result "+s+"\n")
		break
	}
	return h.out.String(), log
}

func TestWithNative(t *testing.T) {
	out, log := runWithCMs(t, `
def f():
    for i in range(3):
        with cm("a") as a, cm("b") as b:
            if i == 1:
                continue
            if i == 2:
                return a + b
    return "unreached"
print(f())
with cm("s", True):
    raise ValueError("swallowed")
print("after suppress")
try:
    with cm("n"):
        raise KeyError("k")
except KeyError as e:
    print("escaped", e)
`, false)
	if out != "ab\nafter suppress\nescaped 'k'\n" {
		t.Errorf("output %q", out)
	}
	want := []string{
		"enter a", "enter b", "exit b", "exit a",
		"enter a", "enter b", "exit b", "exit a",
		"enter a", "enter b", "exit b", "exit a",
		"enter s", "exit s ValueError: swallowed",
		"enter n", "exit n KeyError: 'k'",
	}
	if len(log) != len(want) {
		t.Fatalf("log %q", log)
	}
	for i := range want {
		if log[i] != want[i] {
			t.Errorf("log[%d] = %q, want %q", i, log[i], want[i])
		}
	}
}

func TestAsyncWithNative(t *testing.T) {
	out, log := runWithCMs(t, `
async def main():
    async with cm("a") as a:
        print("inside", a)
    async with cm("s", True):
        raise ValueError("swallowed")
    try:
        async with cm("n"):
            raise KeyError("k")
    except KeyError as e:
        print("escaped", e)
    for i in range(2):
        async with cm("r"):
            if i == 1:
                return "returned"
`, true)
	if out != "inside a\nescaped 'k'\nresult returned\n" {
		t.Errorf("output %q", out)
	}
	want := "[aenter a aexit a aenter s aexit s ValueError: swallowed aenter n aexit n KeyError: 'k' aenter r aexit r aenter r aexit r]"
	if got := "[" + joinLog(log) + "]"; got != want {
		t.Errorf("log %s", got)
	}
}

func joinLog(l []string) string {
	s := ""
	for i, x := range l {
		if i > 0 {
			s += " "
		}
		s += x
	}
	return s
}
