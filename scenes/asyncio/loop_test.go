package asyncio

import (
	"fmt"
	"strings"
	"testing"

	"loopscope/scenes/python/py"
)

// These tests drive the loop with native coroutines written in Go, so they
// check the scheduling (ready queue, timers, futures, tasks, threads)
// without the interpreter. Each expected output is what CPython 3.11 prints
// for the equivalent Python (shown in the comments), timed as the corpus's
// golden files are.

// script is a native coroutine that runs steps in order; a step returns
// something to await (nil: nothing). catch, when set, handles an exception
// raised at an await: returning nil resumes with the next step.
type script struct {
	coroBase
	steps []func(t *py.Thread, c *script) (py.Value, error)
	catch func(t *py.Thread, c *script, e *py.Exception) error
	i     int
	sub   py.Coroutine
	last  py.Value
}

func coro(name string, steps ...func(t *py.Thread, c *script) (py.Value, error)) *script {
	return &script{coroBase: coroBase{qual: name}, steps: steps}
}

func (c *script) Resume(t *py.Thread, send py.Value, throw *py.Exception) (py.Value, py.CoroState, error) {
	c.started = true
	for {
		if c.sub != nil {
			v, st, err := c.sub.Resume(t, send, throw)
			if st == py.CoroYielded {
				return v, st, err
			}
			c.sub = nil
			send, throw = py.None, nil
			if st == py.CoroRaised {
				e, ok := err.(*py.Exception)
				if !ok || c.catch == nil {
					c.done = true
					return nil, st, err
				}
				if err := c.catch(t, c, e); err != nil {
					c.done = true
					return nil, py.CoroRaised, err
				}
				continue
			}
			c.last = v
		}
		if throw != nil {
			if c.catch == nil {
				c.done = true
				return nil, py.CoroRaised, throw
			}
			e := throw
			throw = nil
			if err := c.catch(t, c, e); err != nil {
				c.done = true
				return nil, py.CoroRaised, err
			}
		}
		if c.i == len(c.steps) {
			c.done = true
			if c.last == nil {
				c.last = py.None
			}
			return c.last, py.CoroReturned, nil
		}
		step := c.steps[c.i]
		c.i++
		aw, err := step(t, c)
		if err != nil {
			c.done = true
			return nil, py.CoroRaised, err
		}
		if aw != nil {
			sub, err := toCoroutine(t, aw)
			if err != nil {
				c.done = true
				return nil, py.CoroRaised, err
			}
			c.sub = sub
			send = py.None
		}
	}
}

func say(format string, args ...any) func(t *py.Thread, c *script) (py.Value, error) {
	return func(t *py.Thread, c *script) (py.Value, error) {
		t.Host.Write(t, fmt.Sprintf(format, args...)+"\n")
		return nil, nil
	}
}

func sleep(d float64) func(t *py.Thread, c *script) (py.Value, error) {
	return func(t *py.Thread, c *script) (py.Value, error) {
		return asyncioSleep(t, nil, []py.Value{py.Float(d)}, nil)
	}
}

// runScene runs main under asyncio.run on a fresh machine and returns the
// golden form of the result.
func runScene(t *testing.T, main func() py.Coroutine) (*Result, string) {
	t.Helper()
	m := NewMachine(Config{})
	th := py.NewThread(m, "MainThread", 1)
	th.Start(py.NewBuiltin("module", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
		return asyncioRun(t, nil, []py.Value{main()}, nil)
	}), nil, nil)
	r := m.runMain(th)
	if r.Internal != nil {
		t.Fatalf("internal error: %v", r.Internal)
	}
	return r, r.Golden()
}

func check(t *testing.T, got, want string) {
	t.Helper()
	want = strings.TrimLeft(want, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func createTask(name string, c py.Coroutine) func(t *py.Thread, s *script) (py.Value, error) {
	return func(t *py.Thread, s *script) (py.Value, error) {
		var kw []py.Kwarg
		if name != "" {
			kw = []py.Kwarg{{Name: "name", Value: py.Str(name)}}
		}
		tk, err := asyncioCreateTask(t, nil, []py.Value{c}, kw)
		s.last = tk
		return nil, err
	}
}

// async def worker(name, d): print(name, "start"); await asyncio.sleep(d); print(name, "end")
// async def main(): a = create_task(worker("a", 2)); b = create_task(worker("b", 1)); await a; await b
func TestSleepOrder(t *testing.T) {
	worker := func(name string, d float64) py.Coroutine {
		return coro("worker", say("%s start", name), sleep(d), say("%s end", name))
	}
	var a, b py.Value
	_, got := runScene(t, func() py.Coroutine {
		return coro("main",
			createTask("", worker("a", 2)), func(t *py.Thread, c *script) (py.Value, error) { a = c.last; return nil, nil },
			createTask("", worker("b", 1)), func(t *py.Thread, c *script) (py.Value, error) { b = c.last; return nil, nil },
			say("main waits"),
			func(t *py.Thread, c *script) (py.Value, error) { return a, nil },
			func(t *py.Thread, c *script) (py.Value, error) { return b, nil },
			say("done"))
	})
	check(t, got, `
0.000000|main waits
0.000000|a start
0.000000|b start
1.000000|b end
2.000000|a end
2.000000|done
=exit 0
`)
}

// Timers due at the same instant fire in the order they were armed; the
// ready queue runs call_soon callbacks in FIFO order, one snapshot per
// iteration.
func TestCallbackOrder(t *testing.T) {
	_, got := runScene(t, func() py.Coroutine {
		return coro("main", func(t *py.Thread, c *script) (py.Value, error) {
			l := RunningLoop(t)
			p := func(s string) py.Value {
				return py.NewBuiltin("p", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
					t.Host.Write(t, s+"\n")
					return py.None, nil
				})
			}
			l.CallLater(1, p("later 1 first"), nil)
			l.CallAt(l.Time()+1, p("at 1 second"), nil)
			l.CallLater(0.5, p("later 0.5"), nil)
			l.CallSoon(p("soon 1"), nil)
			h := l.CallSoon(p("cancelled"), nil)
			l.CallSoon(py.NewBuiltin("chain", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
				t.Host.Write(t, "soon 2\n")
				l.CallSoon(p("soon from soon"), nil)
				return py.None, nil
			}), nil)
			h.Cancel()
			return nil, nil
		}, sleep(0), say("main after sleep(0)"), sleep(2), say("main end"))
	})
	check(t, got, `
0.000000|soon 1
0.000000|soon 2
0.000000|main after sleep(0)
0.000000|soon from soon
0.500000|later 0.5
1.000000|later 1 first
1.000000|at 1 second
2.000000|main end
=exit 0
`)
}

// async def sleeper():
//
//	try: await asyncio.sleep(10)
//	except asyncio.CancelledError: print("cancelled at", loop.time()); raise
//
// async def main():
//
//	t = asyncio.create_task(sleeper()); await asyncio.sleep(1)
//	print(t.cancel(), t.cancel()); try: await t
//	except asyncio.CancelledError: print("main saw", t.cancelled(), t.cancel())
func TestCancel(t *testing.T) {
	var task *Task
	_, got := runScene(t, func() py.Coroutine {
		sl := coro("sleeper", sleep(10))
		sl.catch = func(t *py.Thread, c *script, e *py.Exception) error {
			t.Host.Write(t, fmt.Sprintf("cancelled at %g: %s\n", RunningLoop(t).Time(), e.Error()))
			return e
		}
		mc := coro("main",
			createTask("", sl), func(t *py.Thread, c *script) (py.Value, error) { task = c.last.(*Task); return nil, nil },
			sleep(1),
			func(t *py.Thread, c *script) (py.Value, error) {
				t.Host.Write(t, fmt.Sprintf("%v %v %d\n", task.Cancel(nil), task.Cancel(nil), task.Cancelling()))
				return task, nil
			})
		mc.catch = func(t *py.Thread, c *script, e *py.Exception) error {
			t.Host.Write(t, fmt.Sprintf("main saw %v %v\n", task.Cancelled(), task.Cancel(nil)))
			return nil
		}
		return mc
	})
	check(t, got, `
1.000000|true true 2
1.000000|cancelled at 1: asyncio.exceptions.CancelledError
1.000000|main saw true false
=exit 0
`)
}

// Task names: asyncio.create_task(name=...) still takes a Task-N number;
// the runner's shutdown coroutines take the next ones.
func TestTaskNames(t *testing.T) {
	var names []string
	_, got := runScene(t, func() py.Coroutine {
		return coro("main",
			createTask("named", coro("w")),
			func(t *py.Thread, c *script) (py.Value, error) {
				names = append(names, c.last.(*Task).nameString())
				return nil, nil
			},
			createTask("", coro("w")),
			func(t *py.Thread, c *script) (py.Value, error) {
				names = append(names, c.last.(*Task).nameString(), RunningLoop(t).current.nameString())
				t.Host.Write(t, strings.Join(names, " ")+"\n")
				return nil, nil
			})
	})
	check(t, got, `
0.000000|named Task-3 Task-1
=exit 0
`)
}

// gather returns results in argument order; an exception propagates to
// the awaiting task at once (the others keep running).
func TestGather(t *testing.T) {
	worker := func(name string, d float64, fail bool) py.Coroutine {
		steps := []func(t *py.Thread, c *script) (py.Value, error){sleep(d), say("%s done", name)}
		if fail {
			steps = append(steps, func(t *py.Thread, c *script) (py.Value, error) {
				return nil, py.Errorf(py.ValueErrorType, "%s failed", name)
			})
		} else {
			steps = append(steps, func(t *py.Thread, c *script) (py.Value, error) { c.last = py.Str(name); return nil, nil })
		}
		return coro("worker", steps...)
	}
	_, got := runScene(t, func() py.Coroutine {
		mc := coro("main",
			func(t *py.Thread, c *script) (py.Value, error) {
				return asyncioGather(t, nil, []py.Value{worker("a", 2, false), worker("b", 1, false)}, nil)
			},
			func(t *py.Thread, c *script) (py.Value, error) {
				s, _ := py.Repr(t, c.last)
				t.Host.Write(t, s+"\n")
				return asyncioGather(t, nil, []py.Value{worker("c", 1, true), worker("d", 2, false)}, nil)
			},
			say("not reached"))
		mc.catch = func(t *py.Thread, c *script, e *py.Exception) error {
			t.Host.Write(t, "caught "+e.Error()+"\n")
			c.steps = append(c.steps[:c.i], sleep(5))
			return nil
		}
		return mc
	})
	check(t, got, `
1.000000|b done
2.000000|a done
2.000000|['a', 'b']
3.000000|c done
3.000000|caught ValueError: c failed
4.000000|d done
=exit 0
`)
}

// A task awaiting a future nobody resolves: CPython hangs in select; the
// engine stops with a deadlock naming what each task waits on.
func TestDeadlock(t *testing.T) {
	r, got := runScene(t, func() py.Coroutine {
		return coro("main", func(t *py.Thread, c *script) (py.Value, error) {
			return RunningLoop(t).CreateFuture(), nil
		})
	})
	check(t, got, "=deadlock\n=exit 3\n")
	if r.Stop == nil || !strings.Contains(r.Stop.Msg, "Task-1 (main) waits on create_future()") {
		t.Errorf("stop = %v", r.Stop)
	}
}

// An uncaught exception in main propagates out of asyncio.run.
func TestUncaught(t *testing.T) {
	_, got := runScene(t, func() py.Coroutine {
		return coro("main", sleep(1.5), func(t *py.Thread, c *script) (py.Value, error) {
			return nil, py.Errorf(py.ValueErrorType, "boom")
		})
	})
	check(t, got, "=error ValueError: boom\n=exit 1\n")
}

// A worker thread that sleeps in virtual time and then calls
// call_soon_threadsafe wakes the loop blocked in select at that instant.
func TestThreadsafeWakeup(t *testing.T) {
	_, got := runScene(t, func() py.Coroutine {
		var fut *Future
		return coro("main", func(t *py.Thread, c *script) (py.Value, error) {
			l := RunningLoop(t)
			m := l.m
			fut = l.CreateFuture()
			stage := 0
			m.SpawnBody("worker", false, BodyFunc(func(t *py.Thread, v py.Value, err error) Step {
				stage++
				switch stage {
				case 1:
					return Step{Wait: &Wait{What: "time.sleep(2.5)", Deadline: m.Now() + 2.5}}
				case 2:
					m.Write(t, "worker woke\n")
					_, _ = l.CallSoonThreadsafeGo("set_result", func() { _ = fut.SetResult(py.Int(7)) })
				}
				return Step{}
			}))
			return fut, nil
		}, func(t *py.Thread, c *script) (py.Value, error) {
			t.Host.Write(t, fmt.Sprintf("main got %v\n", c.last))
			return nil, nil
		})
	})
	check(t, got, `
2.500000|worker woke
2.500000|main got 7
=exit 0
`)
}
