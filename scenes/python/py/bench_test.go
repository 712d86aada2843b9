package py

import (
	"testing"

	"loopscope/scenes/python/syntax"
)

func compileForBench(b *testing.B, src string) *Program {
	b.Helper()
	f, err := syntax.Parse("bench.py", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	prog, err := Compile("bench.py", f)
	if err != nil {
		b.Fatal(err)
	}
	return prog
}

func runProgram(b *testing.B, prog *Program, h Host) {
	th := prog.Main(h)
	done, _, err := th.Run()
	if err != nil || !done {
		b.Fatal(done, err)
	}
}

// loopSrc is the body of BenchmarkLoop; the same loop under python3:
//
//	python3 -m timeit -s 'def f():
//	  total = 0
//	  for i in range(1000000):
//	    total += i * i % 7
//	  return total' 'f()'
const loopSrc = `
def f():
    total = 0
    for i in range(1000000):
        total += i * i % 7
    return total
f()
`

// BenchmarkLoop is a tight for loop with integer arithmetic: one op is a
// million iterations.
func BenchmarkLoop(b *testing.B) {
	prog := compileForBench(b, loopSrc)
	h := &testHost{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runProgram(b, prog, h)
	}
}

const callSrc = `
def add(a, b):
    return a + b
def f():
    x = 0
    for i in range(100000):
        x = add(x, i)
    return x
f()
`

// BenchmarkCall measures Python-to-Python calls: one op is 100,000 calls.
func BenchmarkCall(b *testing.B) {
	prog := compileForBench(b, callSrc)
	h := &testHost{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runProgram(b, prog, h)
	}
}

// BenchmarkCoroutineResume resumes a coroutine that awaits a native
// awaitable 100,000 times (through a nested coroutine, as scenes do).
func BenchmarkCoroutineResume(b *testing.B) {
	prog := compileForBench(b, `
async def step():
    await tick()
async def main(n):
    for i in range(n):
        await step()
    return n
`)
	h := &testHost{}
	th := prog.Main(h)
	if _, _, err := th.Run(); err != nil {
		b.Fatal(err)
	}
	mod := th.vm.result
	_ = mod
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		co := startCoroutine(b, prog, th, "main", Int(100000))
		n := 0
		for {
			v, st, err := co.Resume(th, None, nil)
			if err != nil {
				b.Fatal(err)
			}
			if st == CoroReturned {
				if v != Int(100000) {
					b.Fatal(v)
				}
				break
			}
			n++
		}
		if n != 100000 {
			b.Fatal(n)
		}
	}
}
