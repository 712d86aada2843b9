package asyncio

import (
	"bufio"
	"testing"

	"loopscope/scenes/python/py"
)

// gatherMain is the body of the performance bar, with native coroutines:
//
//	async def worker():
//	    for _ in range(3): await asyncio.sleep(0)
//	    await asyncio.sleep(0.01)
//	async def main(): await asyncio.gather(*(worker() for _ in range(n)))
func gatherMain(n int) py.Coroutine {
	return coro("main", func(t *py.Thread, c *script) (py.Value, error) {
		ws := make([]py.Value, n)
		for i := range ws {
			ws[i] = coro("worker", sleep(0), sleep(0), sleep(0), sleep(0.01))
		}
		return asyncioGather(t, nil, ws, nil)
	})
}

func runNative(b *testing.B, cfg Config, main py.Coroutine) *Result {
	m := NewMachine(cfg)
	th := py.NewThread(m, "MainThread", 1)
	th.Start(py.NewBuiltin("module", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
		return asyncioRun(t, nil, []py.Value{main}, nil)
	}), nil, nil)
	r := m.runMain(th)
	if r.ExitCode != 0 || r.Internal != nil {
		b.Fatalf("exit %d: %v %v %v", r.ExitCode, r.Uncaught, r.Stop, r.Internal)
	}
	return r
}

func BenchmarkGather100k(b *testing.B) {
	for _, tr := range []bool{false, true} {
		name := "notrace"
		if tr {
			name = "trace"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				r := runNative(b, Config{Trace: tr, MaxEvents: 50_000_000}, gatherMain(100_000))
				if r.FinalTime != 0.01 {
					b.Fatalf("final time %v", r.FinalTime)
				}
				if tr {
					b.ReportMetric(float64(r.Trace.Len()), "events")
				}
			}
		})
	}
}

// BenchmarkCallSoon measures the ready queue: n call_soon callbacks run
// by the loop.
func BenchmarkCallSoon(b *testing.B) {
	const n = 100_000
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		count := 0
		runNative(b, Config{}, coro("main", func(t *py.Thread, c *script) (py.Value, error) {
			l := RunningLoop(t)
			for j := 0; j < n; j++ {
				l.CallSoonGo("cb", func() { count++ })
			}
			return nil, nil
		}, sleep(0), sleep(0)))
		if count != n {
			b.Fatalf("ran %d callbacks", count)
		}
	}
}

// BenchmarkTimers measures the timer heap: n timers at spread deadlines,
// a third of them cancelled.
func BenchmarkTimers(b *testing.B) {
	const n = 100_000
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		count := 0
		runNative(b, Config{}, coro("main", func(t *py.Thread, c *script) (py.Value, error) {
			l := RunningLoop(t)
			for j := 0; j < n; j++ {
				h := l.CallLaterGo(float64(j%1000)*0.001, "cb", nil, func() { count++ })
				if j%3 == 0 {
					h.Cancel()
				}
			}
			return nil, nil
		}, sleep(2)))
		if count != n-(n+2)/3 {
			b.Fatalf("ran %d timers", count)
		}
	}
}

// gather100kScene is the performance bar as a scene.
const gather100kScene = `import asyncio


async def worker():
    for _ in range(3):
        await asyncio.sleep(0)
    await asyncio.sleep(0.01)


async def main():
    await asyncio.gather(*(worker() for _ in range(100000)))


asyncio.run(main())
print("done")
`

// BenchmarkGather100kScene runs the bar through the interpreter, as the
// engine does: without a trace, with the trace kept (the page), and with
// the trace streamed as JSON lines (loopscope trace).
func BenchmarkGather100kScene(b *testing.B) {
	b.Run("trace-stream", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var n countWriter
			w := bufio.NewWriterSize(&n, 1<<16)
			r, err := runSource("gather.py", []byte(gather100kScene), Config{Trace: true, TraceTo: w, MaxEvents: 50_000_000})
			if err != nil {
				b.Fatal(err)
			}
			w.Flush()
			if r.Stdout != "done\n" || r.Trace != nil {
				b.Fatalf("stdout %q, trace kept %v", r.Stdout, r.Trace != nil)
			}
			b.ReportMetric(float64(n), "bytes")
		}
	})
	for _, tr := range []bool{false, true} {
		name := "notrace"
		if tr {
			name = "trace"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				r, err := runSource("gather.py", []byte(gather100kScene), Config{Trace: tr, MaxEvents: 50_000_000})
				if err != nil {
					b.Fatal(err)
				}
				if r.Stdout != "done\n" || r.FinalTime != 0.01 {
					b.Fatalf("stdout %q at %v: %v %v", r.Stdout, r.FinalTime, r.Uncaught, r.Stop)
				}
				if tr {
					b.ReportMetric(float64(r.Trace.Len()), "events")
				}
			}
		})
	}
}

// countWriter counts what is written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
