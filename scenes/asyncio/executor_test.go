package asyncio

import (
	"fmt"
	"testing"

	"loopscope/scenes/python/py"
)

// These tests run executors with jobs written in Go (builtins, which block
// in time.sleep like Python code would) and compare with what CPython
// prints for the scenes in testdata/sync/native, which name the threads.

// jobFn is `def job(d): print(now, thread name, "starts", d); time.sleep(d)`.
var jobFn = py.NewBuiltin("job", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	d, _ := py.Repr(t, args[0])
	printf(t, "%.1f %s starts %s", now(t), t.Name, d)
	return timeSleep(t, nil, args, nil)
})

// reportFn is `def report(f): print(now, thread name, "finished")`.
var reportFn = py.NewBuiltin("report", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	printf(t, "%.1f %s finished", now(t), t.Name)
	return py.None, nil
})

// runModule runs body as the scene's module code on the main thread, then
// what CPython does at exit, and returns the golden form of the result.
func runModule(t *testing.T, body func(t *py.Thread) (py.Value, error)) string {
	t.Helper()
	m := NewMachine(Config{Trace: true})
	th := py.NewThread(m, "MainThread", 1)
	th.Start(py.NewBuiltin("<module>", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
		return body(t)
	}), nil, nil)
	r := m.runMain(th)
	if r.Internal != nil {
		t.Fatalf("internal error: %v", r.Internal)
	}
	if err := r.Trace.Validate(); err != nil {
		t.Errorf("trace: %v", err)
	}
	return r.Golden()
}

// runAsync runs asyncio.run(main()) and then after() at module level.
func runAsync(t *testing.T, main func() py.Coroutine, after func(t *py.Thread)) string {
	t.Helper()
	return runModule(t, func(t *py.Thread) (py.Value, error) {
		// Called as Python code calls it: nested, so the loop thread cannot
		// suspend (it blocks inline).
		v, err := t.Call(py.NewBuiltin("run", asyncioRun), []py.Value{main()}, nil)
		if err == nil && after != nil {
			after(t)
		}
		return v, err
	})
}

func nativeGolden(t *testing.T, name string) string {
	t.Helper()
	return golden(t, "native/"+name)
}

// testdata/sync/native/executor_workers.py: two workers; the one that
// finishes first takes the next jobs; done callbacks run in the worker.
func TestExecutorWorkers(t *testing.T) {
	var ex *ThreadPoolExecutor
	var futs []*Task
	var waits []py.Value
	got := runAsync(t, func() py.Coroutine {
		return coro("main",
			do(func(t *py.Thread) {
				ex = NewThreadPoolExecutor(t, 2, "")
				for _, d := range []int{3, 1, 1, 2} {
					cf, err := ex.Submit(t, jobFn, []py.Value{py.Int(d)}, nil)
					if err != nil {
						panic(err)
					}
					_ = cf.AddDoneCallback(t, cfCallback{fn: reportFn})
					waits = append(waits, WrapFuture(t, cf, RunningLoop(t)))
				}
				printf(t, "%.1f submitted", now(t))
			}),
			await(func(t *py.Thread) (py.Value, error) { return asyncioGather(t, nil, waits, nil) }),
			do(func(t *py.Thread) { printf(t, "%.1f gathered", now(t)) }),
			await(func(t *py.Thread) (py.Value, error) {
				_, err := ex.Shutdown(t, true, false)
				return nil, err
			}),
			do(func(t *py.Thread) { printf(t, "%.1f shut down", now(t)) }),
		)
	}, func(t *py.Thread) { printf(t, "%.1f after run", now(t)) })
	_ = futs
	check(t, got, nativeGolden(t, "executor_workers"))
}

// testdata/sync/native/default_executor.py: run_in_executor(None, ...)
// starts the default executor's 8 workers asyncio_0..7; the workers that
// wake first at an instant take the queued jobs; to_thread uses the same
// pool; asyncio.run shuts it down at the end.
func TestDefaultExecutor(t *testing.T) {
	var ticker []*Task
	var waits []py.Value
	got := runAsync(t, func() py.Coroutine {
		return coro("main",
			spawn(&ticker, coro("ticker",
				sleep(1), do(func(t *py.Thread) { printf(t, "%.1f tick 0", now(t)) }),
				sleep(1), do(func(t *py.Thread) { printf(t, "%.1f tick 1", now(t)) }),
				sleep(1), do(func(t *py.Thread) { printf(t, "%.1f tick 2", now(t)) }))),
			do(func(t *py.Thread) {
				l := RunningLoop(t)
				for _, d := range []int{2, 1, 3, 1, 1, 1, 1, 1, 1, 2} {
					f, err := loopRunInExecutor(t, l, []py.Value{py.None, jobFn, py.Int(d)}, nil)
					if err != nil {
						panic(err)
					}
					waits = append(waits, f)
				}
			}),
			await(func(t *py.Thread) (py.Value, error) { return asyncioGather(t, nil, waits, nil) }),
			do(func(t *py.Thread) { printf(t, "%.1f gathered", now(t)) }),
			await(func(t *py.Thread) (py.Value, error) { return ticker[0], nil }),
			await(func(t *py.Thread) (py.Value, error) {
				return asyncioToThread(t, nil, []py.Value{jobFn, py.Float(0.5)}, nil)
			}),
			do(func(t *py.Thread) { printf(t, "%.1f to_thread done", now(t)) }),
		)
	}, func(t *py.Thread) { printf(t, "%.1f after run", now(t)) })
	check(t, got, nativeGolden(t, "default_executor"))
}

// testdata/sync/native/loop_stalls.py: time.sleep and a concurrent
// future's result() on the loop thread stall the loop; result(timeout)
// raises TimeoutError.
func TestLoopStalls(t *testing.T) {
	var tick []*Task
	var ex *ThreadPoolExecutor
	var first *ConcurrentFuture
	tickCoro := func() py.Coroutine {
		return coro("tick", sleep(0.5), do(func(t *py.Thread) { printf(t, "%.1f tick (due at 0.5)", now(t)) }))
	}
	got := runAsync(t, func() py.Coroutine {
		return coro("main",
			spawn(&tick, tickCoro()),
			sleep(0),
			await(func(t *py.Thread) (py.Value, error) {
				_, err := timeSleep(t, nil, []py.Value{py.Int(1)}, nil)
				return nil, err
			}),
			do(func(t *py.Thread) { printf(t, "%.1f slept", now(t)) }),
			await(func(t *py.Thread) (py.Value, error) { return tick[0], nil }),
			do(func(t *py.Thread) { ex = NewThreadPoolExecutor(t, 1, "pool") }),
			func(t *py.Thread, c *script) (py.Value, error) {
				cf, err := ex.Submit(t, jobFn, []py.Value{py.Int(2)}, nil)
				first = cf
				return nil, err
			},
			spawn(&tick, tickCoro()),
			sleep(0),
			func(t *py.Thread, c *script) (py.Value, error) {
				at := now(t)
				v, err := first.Result(t, noTimeout)
				if err != nil {
					return nil, err
				}
				r, _ := py.Repr(t, v)
				printf(t, "%.1f result %s", at, r)
				cf, err := ex.Submit(t, jobFn, []py.Value{py.Int(5)}, nil)
				if err != nil {
					return nil, err
				}
				if _, err := cf.Result(t, 1); err != nil {
					if x, ok := err.(*py.Exception); ok && x.Class == py.TimeoutErrorType {
						printf(t, "%.1f TimeoutError", now(t))
						return nil, nil
					}
					return nil, err
				}
				return nil, fmt.Errorf("no TimeoutError")
			},
			await(func(t *py.Thread) (py.Value, error) { return tick[1], nil }),
			await(func(t *py.Thread) (py.Value, error) {
				_, err := ex.Shutdown(t, true, false)
				return nil, err
			}),
			do(func(t *py.Thread) { printf(t, "%.1f end", now(t)) }),
		)
	}, nil)
	check(t, got, nativeGolden(t, "loop_stalls"))
}

// testdata/sync/native/exit_joins_workers.py: no shutdown, no event loop:
// at exit CPython wakes the idle workers and joins them.
func TestExitJoinsWorkers(t *testing.T) {
	got := runModule(t, func(t *py.Thread) (py.Value, error) {
		ex := NewThreadPoolExecutor(t, -1, "")
		for _, d := range []int{2, 1} {
			cf, err := ex.Submit(t, jobFn, []py.Value{py.Int(d)}, nil)
			if err != nil {
				return nil, err
			}
			if err := cf.AddDoneCallback(t, cfCallback{fn: reportFn}); err != nil {
				return nil, err
			}
		}
		printf(t, "%.1f main ends", now(t))
		return py.None, nil
	})
	check(t, got, nativeGolden(t, "exit_joins_workers"))
}

// Closing executor.map's generator after it started cancels the jobs not
// yet started (CPython does it when `for r in ex.map(...)` breaks and the
// generator is dropped); the one already running finishes.
func TestExecutorMapClose(t *testing.T) {
	var fs []*ConcurrentFuture
	got := runModule(t, func(t *py.Thread) (py.Value, error) {
		body := py.NewBuiltin("body", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
			ex := NewThreadPoolExecutor(t, 1, "")
			v, err := ex.mapArgs(t, []py.Value{jobFn, &py.Range{Start: 1, Stop: 6, Step: 1}}, nil)
			if err != nil {
				return nil, err
			}
			it := v.(*executorMap)
			fs = append(fs, it.fs...)
			for i := 0; i < 2; i++ {
				if _, _, err := it.Next(t); err != nil {
					return nil, err
				}
				printf(t, "%.1f got one", now(t))
			}
			if err := it.Close(t); err != nil {
				return nil, err
			}
			for _, f := range fs {
				printf(t, "cancelled=%s running=%s", pyBool(f.Cancelled()), pyBool(f.Running()))
			}
			return py.None, nil
		})
		return t.Call(body, nil, nil)
	})
	check(t, got, `
0.000000|0.0 ThreadPoolExecutor-0_0 starts 1
1.000000|1.0 ThreadPoolExecutor-0_0 starts 2
1.000000|1.0 got one
3.000000|3.0 ThreadPoolExecutor-0_0 starts 3
3.000000|3.0 got one
3.000000|cancelled=False running=False
3.000000|cancelled=False running=False
3.000000|cancelled=False running=True
3.000000|cancelled=True running=False
3.000000|cancelled=True running=False
=exit 0
`)
}
