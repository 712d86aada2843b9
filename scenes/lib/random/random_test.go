package random_test

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"loopscope/internal/reftool"
	"loopscope/scenes/engine"
	"loopscope/scenes/trace"
)

// cpythonScript draws from every function of the module for many seeds
// (ints, big ints, negative ints, floats, str, bytes) and prints the
// results' reprs: the engine must print exactly what CPython prints.
func cpythonScript(seeds int) string {
	return fmt.Sprintf(`import random
for s in range(%d):
    random.seed(s)
    print(s, random.random(), random.getrandbits(7), random.getrandbits(32), random.getrandbits(70))
    print(random.randrange(10), random.randrange(3, 1000, 7), random.randrange(50, -50, -3), random.randrange(10**30), random.randrange(-10**20, 10**20))
    print(random.randint(-5, 5), random.randint(0, 2**40), random.choice("abcdef"), random.choice([1, 2, 3]))
    print(random.choices(range(10), k=3), random.choices("abc", [1, 2, 3.5], k=4), random.choices("abc", cum_weights=[1, 5, 6], k=2), random.choices([10, 20]))
    print(random.uniform(1, 10), random.uniform(-2.5, 7), random.gauss(), random.gauss(2, 3), random.gauss(0.5, 0.1))
    print(random.expovariate(1.5), random.expovariate(1 / 5), random.normalvariate(), random.normalvariate(10, 2), random.triangular(), random.triangular(1, 3, 2))
    xs = list(range(20))
    random.shuffle(xs)
    print(xs)
    print(random.sample(range(100), 10), random.sample("abcdefg", 3), random.sample(range(10**6), 8), random.sample(["a", "b"], k=3, counts=[2, 3]))
    print(random.sample(list(range(30)), 30))
for s in ["hello", b"bytes", "", "\u00fcn\u00efcode \u2603", 2**100, -7, -(2**70), 3.5, -0.25, 1e300, True]:
    random.seed(s)
    print(repr(s), random.random(), random.randint(1, 100))
r1, r2 = random.Random(5), random.Random("five")
print(r1.random(), r2.random(), r1.randint(1, 9), r2.choice("xyz"), r1.gauss(), r1.sample(range(50), 4), random.randbytes(5), r2.randbytes(9))
r1.seed(5)
print(r1.random(), type(r1).__name__, r1.getrandbits(33))
random.seed("abc", version=1)
print(random.random())
random.seed(42)
print([round(random.gauss(), 6) for _ in range(5)], random.getrandbits(0))
for call in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
             lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1), lambda: random.randint(1.5, 3), lambda: random.getrandbits(-1),
             lambda: random.choices("ab", [1], k=1), lambda: random.choices("ab", 2), lambda: random.seed([1]), lambda: random.expovariate(0),
             lambda: random.randint(1), lambda: random.choices("ab", [1, 1], cum_weights=[1, 2])]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
`, seeds)
}

// TestAgainstCPython compares every function's draws, for 300 seeds and
// the seed types, with CPython's.
func TestAgainstCPython(t *testing.T) {
	py := reftool.Python311(t, "random is not compared with CPython")
	src := cpythonScript(300)
	cmd := exec.Command(py, "-c", src)
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	res := engine.Run([]byte(src), engine.Options{Filename: "random_check.py"})
	if res.Err != nil || res.Uncaught != "" {
		t.Fatalf("engine: %v %s\n%s", res.Err, res.Uncaught, res.Stderr)
	}
	got := res.Stdout
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	bad := 0
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			bad++
			if bad <= 10 {
				t.Errorf("line %d:\n got %s\nwant %s", i+1, g, w)
			}
		}
	}
	t.Errorf("%d of %d lines differ", bad, len(wl))
}

// TestUnseededRunIsRecorded checks that a scene that never seeds random
// draws what CPython draws after random.seed(N), N being the run's seed,
// and that the trace records N.
func TestUnseededRunIsRecorded(t *testing.T) {
	src := "import random\nprint(random.random(), random.randint(1, 6))\nrandom.seed()\nprint(random.random())\n"
	res := engine.Run([]byte(src), engine.Options{Filename: "unseeded.py", Trace: true, Seed: 987654321, SeedSet: true})
	if res.Err != nil || res.Uncaught != "" {
		t.Fatalf("engine: %v %s", res.Err, res.Uncaught)
	}
	var seeds []string
	for _, e := range res.Trace.Events {
		if e.Kind == trace.Seed {
			seeds = append(seeds, e.Text+"="+e.Label)
		}
	}
	if len(seeds) != 2 || seeds[0] != "random=987654321" {
		t.Fatalf("seed events %v, want random=987654321 then the reseed", seeds)
	}
	reseed := strings.TrimPrefix(seeds[1], "random=")
	py := reftool.Python311(t, "the unseeded run is not compared with CPython")
	want, err := exec.Command(py, "-c", "import random\nrandom.seed(987654321)\nprint(random.random(), random.randint(1, 6))\nrandom.seed("+reseed+")\nprint(random.random())\n").Output()
	if err != nil {
		t.Fatal(err)
	}
	if res.Stdout != string(want) {
		t.Errorf("got %q, want %q", res.Stdout, want)
	}
	again := engine.Run([]byte(src), engine.Options{Filename: "unseeded.py", Seed: 987654321, SeedSet: true})
	if again.Stdout != res.Stdout {
		t.Errorf("the same fixed seed gave %q, then %q", res.Stdout, again.Stdout)
	}
}
