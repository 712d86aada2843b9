package asyncio

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"loopscope/scenes/python/py"
)

// These tests drive asyncio's locks and queues with native coroutines (the
// script helper of loop_test.go). Each mirrors a scene in testdata/sync
// whose .out file CPython 3.11 produced under tools/vclock; the expected
// text here is that output.

// step is one step of a script.
type step = func(t *py.Thread, c *script) (py.Value, error)

// do runs fn and awaits nothing.
func do(fn func(t *py.Thread)) step {
	return func(t *py.Thread, c *script) (py.Value, error) {
		fn(t)
		return nil, nil
	}
}

// await awaits what fn returns.
func await(fn func(t *py.Thread) (py.Value, error)) step {
	return func(t *py.Thread, c *script) (py.Value, error) { return fn(t) }
}

// printf prints with the loop time available as the first %v.
func printf(t *py.Thread, format string, args ...any) {
	t.Host.Write(t, fmt.Sprintf(format, args...)+"\n")
}

// spawn creates tasks running the coroutines, stored in *into.
func spawn(into *[]*Task, coros ...py.Coroutine) step {
	return func(t *py.Thread, c *script) (py.Value, error) {
		for _, co := range coros {
			v, err := asyncioCreateTask(t, nil, []py.Value{co}, nil)
			if err != nil {
				return nil, err
			}
			*into = append(*into, v.(*Task))
		}
		return nil, nil
	}
}

// gatherAll awaits gather(*tasks, return_exceptions=True) and prints the
// type names of the results, as the scenes do.
func gatherAll(tasks *[]*Task) step {
	return func(t *py.Thread, c *script) (py.Value, error) {
		args := make([]py.Value, len(*tasks))
		for i, tk := range *tasks {
			args[i] = tk
		}
		return asyncioGather(t, nil, args, []py.Kwarg{{Name: "return_exceptions", Value: py.True}})
	}
}

func printTypes(t *py.Thread, c *script) (py.Value, error) {
	l, ok := c.last.(*py.List)
	if !ok {
		return nil, fmt.Errorf("gather returned %T", c.last)
	}
	names := make([]string, len(l.Elems))
	for i, v := range l.Elems {
		names[i] = "'" + v.Type().Name + "'"
	}
	printf(t, "[%s]", strings.Join(names, ", "))
	return nil, nil
}

// catchCancelled makes a script print a line and re-raise when cancelled.
func catchCancelled(c *script, line func(t *py.Thread) string) *script {
	c.catch = func(t *py.Thread, _ *script, e *py.Exception) error {
		if isCancelledError(e) {
			printf(t, "%s", line(t))
		}
		return e
	}
	return c
}

func now(t *py.Thread) float64 { return machineOf(t).Now() }

// testdata/sync/lock_fifo.py
func TestLockFIFO(t *testing.T) {
	var lock *Lock
	var tasks []*Task
	worker := func(name string) py.Coroutine {
		return coro("worker",
			do(func(t *py.Thread) { printf(t, "%.1f %s wants the lock", now(t), name) }),
			await(func(t *py.Thread) (py.Value, error) { return lock.AEnter(t) }),
			do(func(t *py.Thread) { printf(t, "%.1f %s has it", now(t), name) }),
			sleep(1),
			await(func(t *py.Thread) (py.Value, error) { return lock.AExit(t, nil) }),
			do(func(t *py.Thread) { printf(t, "%.1f %s released, locked=%s", now(t), name, pyBool(lock.Locked())) }),
		)
	}
	_, got := runScene(t, func() py.Coroutine {
		return coro("main",
			do(func(t *py.Thread) { lock = NewLock(t) }),
			spawn(&tasks, worker("a"), worker("b"), worker("c"), worker("d")),
			sleep(0.5),
			do(func(t *py.Thread) { tasks[2].Cancel(nil) }),
			gatherAll(&tasks),
			printTypes,
			do(func(t *py.Thread) {
				if err := lock.Release(t); err != nil {
					printf(t, "RuntimeError: %s", err.(*py.Exception).Message())
				}
			}),
		)
	})
	check(t, got, golden(t, "lock_fifo"))
}

// testdata/sync/lock_cancel_after_wake.py: release() hands the lock to the
// first waiter, which is cancelled before it runs; its CancelledError
// handler wakes the next waiter (_wake_up_first).
func TestLockCancelAfterWake(t *testing.T) {
	var lock *Lock
	var h, ab []*Task
	holder := coro("holder",
		await(func(t *py.Thread) (py.Value, error) { return lock.AEnter(t) }),
		sleep(1),
		do(func(t *py.Thread) { printf(t, "holder releases") }),
		await(func(t *py.Thread) (py.Value, error) { return lock.AExit(t, nil) }),
	)
	waiter := func(name string) py.Coroutine {
		held := false
		c := coro("waiter",
			await(func(t *py.Thread) (py.Value, error) { return lock.AEnter(t) }),
			do(func(t *py.Thread) {
				held = true
				printf(t, "%s got the lock at %s", name, py.FloatRepr(now(t)))
			}),
			sleep(1),
			await(func(t *py.Thread) (py.Value, error) { return lock.AExit(t, nil) }),
		)
		c.catch = func(t *py.Thread, _ *script, e *py.Exception) error {
			if held { // `async with` releases before the except clause runs
				_ = lock.Release(t)
			}
			printf(t, "%s cancelled, lock locked: %s", name, pyBool(lock.Locked()))
			return e
		}
		return c
	}
	_, got := runScene(t, func() py.Coroutine {
		return coro("main",
			do(func(t *py.Thread) { lock = NewLock(t) }),
			spawn(&h, holder),
			sleep(0),
			spawn(&ab, waiter("a"), waiter("b")),
			await(func(t *py.Thread) (py.Value, error) { return h[0], nil }),
			do(func(t *py.Thread) { ab[0].Cancel(nil) }),
			gatherAll(&ab),
			printTypes,
		)
	})
	check(t, got, golden(t, "lock_cancel_after_wake"))
}

// testdata/sync/semaphore_cancel.py: the unit handed to a waiter that is
// cancelled before it runs goes to the next waiter.
func TestSemaphoreCancel(t *testing.T) {
	var sem *Semaphore
	var tasks []*Task
	job := func(name string) py.Coroutine {
		return catchCancelled(coro("job",
			await(func(t *py.Thread) (py.Value, error) { return sem.AEnter(t) }),
			do(func(t *py.Thread) { printf(t, "%s in at %s", name, py.FloatRepr(now(t))) }),
			sleep(1),
			await(func(t *py.Thread) (py.Value, error) { return sem.AExit(t, nil) }),
		), func(t *py.Thread) string { return name + " cancelled" })
	}
	_, got := runScene(t, func() py.Coroutine {
		return coro("main",
			do(func(t *py.Thread) { sem, _ = NewSemaphore(t, 1, false) }),
			spawn(&tasks, job("a"), job("b"), job("c")),
			sleep(1),
			do(func(t *py.Thread) { tasks[1].Cancel(nil) }),
			gatherAll(&tasks),
			do(func(t *py.Thread) {
				printf(t, "value back to %d locked %s", sem.Value(), pyBool(sem.Locked()))
			}),
		)
	})
	check(t, got, golden(t, "semaphore_cancel"))
}

// testdata/sync/event_wait_set_clear.py
func TestEventSetClear(t *testing.T) {
	var ev *Event
	var ws []*Task
	waiter := func(name string) py.Coroutine {
		return coro("waiter",
			do(func(t *py.Thread) { printf(t, "%s waits", name) }),
			await(func(t *py.Thread) (py.Value, error) { return ev.Wait(t), nil }),
			func(t *py.Thread, c *script) (py.Value, error) {
				printf(t, "%s woke with %s at %s", name, pyBool(c.last == py.True), py.FloatRepr(now(t)))
				return nil, nil
			},
		)
	}
	_, got := runScene(t, func() py.Coroutine {
		return coro("main",
			do(func(t *py.Thread) { ev = NewEvent(t); printf(t, "is_set %s", pyBool(ev.IsSet())) }),
			spawn(&ws, waiter("x"), waiter("y"), waiter("z")),
			sleep(1),
			do(func(t *py.Thread) {
				ev.Set(t)
				ev.Clear(t)
				printf(t, "after set+clear is_set %s", pyBool(ev.IsSet()))
			}),
			gatherAll(&ws),
			do(func(t *py.Thread) { ev.Set(t) }),
			await(func(t *py.Thread) (py.Value, error) { return ev.Wait(t), nil }),
			func(t *py.Thread, c *script) (py.Value, error) {
				printf(t, "wait on a set event: %s", pyBool(c.last == py.True))
				ev.Set(t)
				printf(t, "is_set %s", pyBool(ev.IsSet()))
				return nil, nil
			},
		)
	})
	check(t, got, golden(t, "event_wait_set_clear"))
}

// testdata/sync/condition_notify.py
func TestConditionNotify(t *testing.T) {
	var cond *Condition
	var items []string
	var cs []*Task
	pred := py.NewBuiltin("<lambda>", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
		return py.Bool(len(items) > 0), nil
	})
	consumer := func(name string) py.Coroutine {
		return coro("consumer",
			await(func(t *py.Thread) (py.Value, error) { return cond.AEnter(t) }),
			do(func(t *py.Thread) { printf(t, "%s waits", name) }),
			await(func(t *py.Thread) (py.Value, error) { return cond.WaitFor(t, pred), nil }),
			do(func(t *py.Thread) {
				item := items[0]
				items = items[1:]
				printf(t, "%s took %s at %s", name, item, py.FloatRepr(now(t)))
			}),
			await(func(t *py.Thread) (py.Value, error) { return cond.AExit(t, nil) }),
		)
	}
	_, got := runScene(t, func() py.Coroutine {
		return coro("main",
			do(func(t *py.Thread) { cond = NewCondition(t, nil) }),
			spawn(&cs, consumer("c1"), consumer("c2"), consumer("c3"), consumer("c4")),
			sleep(1),
			await(func(t *py.Thread) (py.Value, error) { return cond.AEnter(t) }),
			do(func(t *py.Thread) {
				items = append(items, "one")
				_ = cond.Notify(t, 1)
				printf(t, "notified one")
			}),
			await(func(t *py.Thread) (py.Value, error) { return cond.AExit(t, nil) }),
			sleep(1),
			await(func(t *py.Thread) (py.Value, error) { return cond.AEnter(t) }),
			do(func(t *py.Thread) {
				items = append(items, "two", "three", "four")
				_ = cond.Notify(t, len(cond.waiters))
				printf(t, "notified all, locked: %s", pyBool(cond.lock.Locked()))
			}),
			await(func(t *py.Thread) (py.Value, error) { return cond.AExit(t, nil) }),
			gatherAll(&cs),
			do(func(t *py.Thread) {
				if err := cond.Notify(t, 1); err != nil {
					printf(t, "RuntimeError: %s", err.(*py.Exception).Message())
				}
			}),
			await(func(t *py.Thread) (py.Value, error) { return cond.Wait(t), nil }),
		)
	})
	// The last await raises RuntimeError, uncaught here: the scene
	// catches it and prints the same line.
	want := golden(t, "condition_notify")
	want = strings.Replace(want, "2.000000|RuntimeError: cannot wait on un-acquired lock\n=exit 0\n",
		"=error RuntimeError: cannot wait on un-acquired lock\n=exit 1\n", 1)
	check(t, got, want)
}

// testdata/sync/queue_producer_consumer.py
func TestQueueProducerConsumer(t *testing.T) {
	var q *Queue
	var cs []*Task
	consumer := func(name string) py.Coroutine {
		c := coro("consumer")
		var loopBody []step
		loopBody = []step{
			await(func(t *py.Thread) (py.Value, error) { return q.Get(t), nil }),
			func(t *py.Thread, s *script) (py.Value, error) {
				if s.last == py.None {
					_ = q.TaskDone(t)
					s.steps = append(s.steps, await(func(t *py.Thread) (py.Value, error) { return q.Put(t, py.None), nil }))
					return nil, nil
				}
				printf(t, "%.1f %s got %d", now(t), name, s.last.(py.Int))
				s.steps = append(s.steps, sleep(0.5), do(func(t *py.Thread) { _ = q.TaskDone(t) }))
				s.steps = append(s.steps, loopBody...)
				return nil, nil
			},
		}
		c.steps = append(c.steps, loopBody...)
		return c
	}
	put := func(i int) []step {
		return []step{
			await(func(t *py.Thread) (py.Value, error) { return q.Put(t, py.Int(i)), nil }),
			do(func(t *py.Thread) {
				printf(t, "%.1f put %d size=%d full=%s", now(t), i, q.Qsize(), pyBool(q.Full()))
			}),
		}
	}
	_, got := runScene(t, func() py.Coroutine {
		steps := []step{
			do(func(t *py.Thread) {
				q = NewQueue(t, 2)
				printf(t, "maxsize 2 empty %s", pyBool(q.Empty()))
			}),
			spawn(&cs, consumer("A"), consumer("B")),
		}
		for i := 0; i < 5; i++ {
			steps = append(steps, put(i)...)
		}
		steps = append(steps,
			await(func(t *py.Thread) (py.Value, error) { return q.Put(t, py.None), nil }),
			await(func(t *py.Thread) (py.Value, error) { return q.Join(t), nil }),
			do(func(t *py.Thread) { printf(t, "joined at %s", py.FloatRepr(now(t))) }),
			gatherAll(&cs),
			do(func(t *py.Thread) {
				printf(t, "left %d", q.Qsize())
				_, _ = q.GetNowait(t)
				if _, err := q.GetNowait(t); err != nil && err.(*py.Exception).Class == QueueEmptyType {
					printf(t, "QueueEmpty")
				}
				q2 := NewQueue(t, 1)
				_ = q2.PutNowait(t, py.Str("x"))
				if err := q2.PutNowait(t, py.Str("y")); err != nil && err.(*py.Exception).Class == QueueFullType {
					printf(t, "QueueFull")
				}
				_, _ = q2.GetNowait(t)
				_ = q2.TaskDone(t)
				if err := q2.TaskDone(t); err != nil {
					printf(t, "ValueError: %s", err.(*py.Exception).Message())
				}
			}),
		)
		return coro("main", steps...)
	})
	check(t, got, golden(t, "queue_producer_consumer"))
}

// golden returns testdata/sync/name.out, CPython's output for the scene.
func golden(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "sync", name+".out"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testdata/sync/native/queue_priority_lifo.py: PriorityQueue follows
// heapq's order (ties by the tuple's next field), LifoQueue pops the last
// item, and unorderable items raise TypeError from put_nowait.
func TestPriorityAndLifoQueue(t *testing.T) {
	var pq, lq, served *Queue
	tup := func(p int, s string) py.Value { return py.Tuple{py.Int(p), py.Str(s)} }
	_, got := runScene(t, func() py.Coroutine {
		return coro("main",
			do(func(t *py.Thread) {
				pq = NewQueue(t, 0)
				pq.typ = PriorityQueueType
				for _, it := range []py.Value{tup(3, "c"), tup(1, "a"), tup(2, "b"), tup(1, "a2"), tup(5, "e"), tup(0, "z")} {
					if err := pq.PutNowait(t, it); err != nil {
						panic(err)
					}
				}
				var out []py.Value
				for !pq.Empty() {
					v, _ := pq.GetNowait(t)
					out = append(out, v)
					_ = pq.TaskDone(t)
				}
				r, _ := py.Repr(t, py.NewList(out))
				printf(t, "%s", r)
				lq = NewQueue(t, 2)
				lq.typ = LifoQueueType
			}),
			await(func(t *py.Thread) (py.Value, error) { return lq.Put(t, py.Int(1)), nil }),
			await(func(t *py.Thread) (py.Value, error) { return lq.Put(t, py.Int(2)), nil }),
			do(func(t *py.Thread) {
				full := lq.Full()
				a, _ := lq.GetNowait(t)
				b, _ := lq.GetNowait(t)
				printf(t, "%s %v %v %s", pyBool(full), a, b, lq.Type().Name)
				served = pq
				for _, it := range []py.Value{tup(2, "low"), tup(1, "high"), tup(1, "high2")} {
					_ = served.PutNowait(t, it)
				}
				for !served.Empty() {
					v, _ := served.GetNowait(t)
					tu := v.(py.Tuple)
					printf(t, "%s serve %v %s", py.FloatRepr(now(t)+1), tu[0], tu[1])
				}
				if err := pq.PutNowait(t, py.Tuple{py.Str("x"), py.Int(1)}); err != nil {
					panic(err)
				}
				if err := pq.PutNowait(t, tup(1, "y")); err != nil {
					printf(t, "%s: %s", err.(*py.Exception).Class.Name, err.(*py.Exception).Message())
				}
				printf(t, "%d", pq.Qsize())
			}),
		)
	})
	// The scene serves the three items from a consumer task one second in;
	// here they are served at once and printed with that time.
	want := nativeGolden(t, "queue_priority_lifo")
	got = strings.ReplaceAll(got, "0.000000|1.0 serve", "1.000000|1.0 serve")
	got = strings.Replace(got, "0.000000|TypeError", "1.000000|TypeError", 1)
	got = strings.Replace(got, "0.000000|2\n", "1.000000|2\n", 1)
	check(t, got, want)
}
