package asyncio

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// BenchmarkQueueProducerConsumer moves b.N items through a bounded
// asyncio.Queue(maxsize=10) from one producer task to two consumer tasks
// (every item costs a put, a get, a task_done and, with the queue often
// full or empty, waiter futures and task wakeups), then joins the queue.
func BenchmarkQueueProducerConsumer(b *testing.B) {
	n := b.N
	var q *Queue
	var got int
	consumer := func() py.Coroutine {
		var get py.Coroutine
		return newSyncCoro("consumer", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
			for {
				if state == 0 {
					get = q.Get(t)
					send, throw = py.None, nil
				}
				v, st, err := get.Resume(t, send, throw)
				if err != nil {
					return -1, nil, py.CoroRaised, err
				}
				if st == py.CoroYielded {
					return 1, v, st, nil
				}
				got++
				if err := q.TaskDone(t); err != nil {
					return -1, nil, py.CoroRaised, err
				}
				state = 0
			}
		})
	}
	main := func() py.Coroutine {
		i := 0
		var put py.Coroutine
		var join py.Coroutine
		return newSyncCoro("main", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
			if state == 0 {
				q = NewQueue(t, 10)
				l := RunningLoop(t)
				l.NewTask(t, consumer(), nil)
				l.NewTask(t, consumer(), nil)
			}
			for {
				var inner py.Coroutine
				switch {
				case state == 1:
					inner = put
				case state == 2:
					inner = join
				case i < n:
					put = q.Put(t, py.Int(i))
					i++
					inner, state, send, throw = put, 1, py.None, nil
				default:
					join = q.Join(t)
					inner, state, send, throw = join, 2, py.None, nil
				}
				v, st, err := inner.Resume(t, send, throw)
				if err != nil {
					return -1, nil, py.CoroRaised, err
				}
				if st == py.CoroYielded {
					return state, v, st, nil
				}
				if state == 2 {
					return -1, py.None, py.CoroReturned, nil
				}
				state = 3
			}
		})
	}
	b.ReportAllocs()
	b.ResetTimer()
	m := NewMachine(Config{})
	th := py.NewThread(m, "MainThread", 1)
	th.Start(py.NewBuiltin("<module>", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
		return t.Call(py.NewBuiltin("run", asyncioRun), []py.Value{main()}, nil)
	}), nil, nil)
	r := m.runMain(th)
	b.StopTimer()
	if r.ExitCode != 0 || r.Internal != nil {
		b.Fatalf("exit %d: %v %v %v", r.ExitCode, r.Internal, r.Uncaught, r.Stop)
	}
	if got != n {
		b.Fatalf("consumed %d of %d items", got, n)
	}
}

// BenchmarkExecutorSubmit submits b.N jobs to a ThreadPoolExecutor with
// four workers from the main thread (no event loop), then shuts it down
// and waits for every job: per job, a concurrent future, a work item, a
// queue put and get, a worker switch and the future's result.
func BenchmarkExecutorSubmit(b *testing.B) {
	n := b.N
	done := 0
	jobFn := py.NewBuiltin("job", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		done++
		return args[0], nil
	})
	b.ReportAllocs()
	b.ResetTimer()
	m := NewMachine(Config{})
	th := py.NewThread(m, "MainThread", 1)
	var ex *ThreadPoolExecutor
	th.Start(py.NewBuiltin("<module>", func(t *py.Thread, _ py.Value, _ []py.Value, _ []py.Kwarg) (py.Value, error) {
		ex = NewThreadPoolExecutor(t, 4, "")
		for i := 0; i < n; i++ {
			if _, err := ex.Submit(t, jobFn, []py.Value{py.Int(i)}, nil); err != nil {
				return nil, err
			}
		}
		return ex.Shutdown(t, true, false)
	}), nil, nil)
	r := m.runMain(th)
	b.StopTimer()
	if r.ExitCode != 0 || r.Internal != nil {
		b.Fatalf("exit %d: %v %v %v", r.ExitCode, r.Internal, r.Uncaught, r.Stop)
	}
	if done != n {
		b.Fatalf("ran %d of %d jobs", done, n)
	}
}

// TestSyncScenes runs every scene of testdata/sync (and the random ones of
// testdata/sync/fuzz) through the engine and compares with CPython's
// golden output (tools/vclock/vclock.py --golden).
func TestSyncScenes(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "sync", "*.py"))
	fuzz, _ := filepath.Glob(filepath.Join("testdata", "sync", "fuzz", "*_*_*.py"))
	paths = append(paths, fuzz...)
	if len(paths) == 0 {
		t.Fatal("no scenes in testdata/sync")
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".py")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(p, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			res, err := runSource(filepath.Base(p), src, Config{Trace: true})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if res.Internal != nil {
				t.Fatalf("internal error: %v", res.Internal)
			}
			if err := res.Trace.Validate(); err != nil {
				t.Errorf("trace: %v", err)
			}
			if got := res.Golden(); got != string(want) {
				t.Errorf("golden mismatch\n--- got\n%s--- want\n%s--- stderr\n%s", got, want, res.Stderr)
			}
		})
	}
}

// TestSyncTrace checks what the stage sees of a lock handoff, a queue and
// an executor job: each primitive's creation, its operations with counts,
// who waits and which waiter future is woken, and a job's life on a worker.
func TestSyncTrace(t *testing.T) {
	src := []byte(`import asyncio
import time


async def holder(lock):
    async with lock:
        await asyncio.sleep(1)


async def main():
    lock = asyncio.Lock()
    q = asyncio.Queue(1)
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    async with lock:
        await q.put("x")
        q.get_nowait()
        q.task_done()
    await asyncio.to_thread(time.sleep, 0.5)


asyncio.run(main())
`)
	res, err := runSource("trace.py", src, Config{Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	names := map[int32]string{}
	for _, e := range res.Trace.Events {
		switch e.Kind {
		case trace.ThreadNew:
			names[e.ID] = e.Text
			continue
		case trace.SyncNew, trace.SyncWait, trace.SyncWake, trace.SyncOp, trace.JobNew, trace.JobStart, trace.JobDone:
		case trace.ThreadBlock:
			if e.Concept != trace.ConceptExecutor && e.Text != "time.sleep(0.5)" {
				continue
			}
		default:
			continue
		}
		text := e.Text
		if e.Outcome != trace.NoOutcome {
			text = e.Outcome.String()
		}
		fmt.Fprintf(&b, "%g %s %s %s line=%d thread=%s", e.Time, e.Kind, e.Concept, text, e.Line, names[e.Thread])
		if e.Label != "" {
			fmt.Fprintf(&b, " label=%s", e.Label)
		}
		if e.Num != 0 {
			fmt.Fprintf(&b, " num=%g", e.Num)
		}
		if e.Kind == trace.JobStart {
			fmt.Fprintf(&b, " worker=%s", names[e.Ref])
		}
		b.WriteByte('\n')
	}
	check(t, b.String(), `
0 sync.new lock Lock line=11 thread=MainThread
0 sync.new queue Queue line=12 thread=MainThread
0 sync.op lock acquire line=6 thread=MainThread num=1
0 sync.wait lock  line=15 thread=MainThread label=acquire
1 sync.op lock release line=6 thread=MainThread
1 sync.wake lock  line=6 thread=MainThread
1 sync.op lock acquire line=15 thread=MainThread num=1
1 sync.op queue put line=16 thread=MainThread label=1 num=1
1 sync.op queue get line=17 thread=MainThread label=1
1 sync.op queue task_done line=18 thread=MainThread label=0
1 sync.op lock release line=15 thread=MainThread
1 sync.new executor ThreadPoolExecutor line=19 thread=MainThread label=asyncio num=8
1 job.new executor sleep line=19 thread=MainThread label=asyncio num=1
1 job.start executor sleep line=0 thread=asyncio_0 worker=asyncio_0
1 thread.block thread time.sleep(0.5) line=0 thread=asyncio_0 num=1.5
1.5 job.done executor result line=0 thread=asyncio_0
1.5 thread.block executor work_queue.get() line=0 thread=asyncio_0 num=-1
`)
}
