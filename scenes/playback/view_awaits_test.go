package playback

import (
	"fmt"
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/trace"
)

// pstree writes the await graph of s as `python -m asyncio pstree` draws
// it: a node per line, indented under what awaits it; a task as its name,
// coroutine, state and await chain, then "->" and the future it is
// suspended on when that is no row of its own; a future as what it is
// for and how many of what it awaits are done.
func pstree(s *State) string {
	var b strings.Builder
	rows := s.AwaitTree()
	for k, r := range rows {
		if p := r.Parent; r.Depth != 0 && (p < 0 || p >= k || rows[p].Depth != r.Depth-1) || r.Depth == 0 && p != -1 {
			fmt.Fprintf(&b, "(row %d: depth %d under row %d)", k, r.Depth, p)
		}
		b.WriteString(strings.Repeat("  ", r.Depth))
		if t := s.Task(r.ID); t != nil {
			fmt.Fprintf(&b, "%s %s %s", t.Name, t.Coro, t.State)
			if t.Stack != "" && (t.State == TaskWaiting || t.State == TaskReady) {
				b.WriteString(" " + t.Stack)
			}
			if f := s.Future(t.Await); f != nil && f.State == FuturePending && (k+1 == len(rows) || rows[k+1].ID != t.Await) {
				b.WriteString(" -> " + f.Text)
			}
		} else {
			fmt.Fprintf(&b, "%s %d/%d", s.Future(r.ID).Text, r.Done, r.Of)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// stateBefore returns the state at the last event before virtual time at.
func stateBefore(rec *Recording, at float64) *State {
	evs := rec.Trace().Events
	i := 0
	for i+1 < len(evs) && evs[i+1].Time < at {
		i++
	}
	return rec.StateAt(i)
}

func runRec(t *testing.T, name, src string) *Recording {
	t.Helper()
	r := engine.Run([]byte(src), engine.Options{Filename: name, Trace: true})
	if r.Trace == nil || r.Err != nil {
		t.Fatalf("%s: %s", name, r.Stderr)
	}
	return Build(r.Trace)
}

// nestedAwaits nests awaits every way the graph follows: TaskGroups in a
// TaskGroup's tasks (the albums and tracks of CPython's pstree example),
// a coroutine awaiting a coroutine, wait_for over shield over a task, and
// wait over a task nobody else awaits.
const nestedAwaits = `import asyncio

async def leaf(n):
    await asyncio.sleep(n)

async def mid(n):
    await leaf(n)

async def album(n):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(mid(n), name="track-a")
        tg.create_task(leaf(n + 1), name="track-b")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(album(1), name="album-1")
        tg.create_task(album(2), name="album-2")
    t = asyncio.create_task(leaf(5), name="orphan")
    await asyncio.wait_for(asyncio.shield(mid(2)), 10)
    await asyncio.wait([t])

asyncio.run(main())
`

// The await graph of real scenes at moments where the program says what
// it must be: main awaiting gather's children, a TaskGroup's tasks, a
// task, wait_for's, shield's and wait's futures, executor jobs; nested
// coroutines in one task's await chain; tasks nothing awaits as roots.
func TestAwaitGraph(t *testing.T) {
	src := map[string]string{"nested.py": nestedAwaits}
	for _, scn := range scenes.All() {
		src[scn.ID] = scn.Source
	}
	for _, c := range []struct {
		scene string
		at    float64
		want  string
	}{
		{"nested.py", 0.5, `Task-1 main() waiting main:15 -> TaskGroup(2)
  album-1 album() waiting album:10 -> TaskGroup(2)
    track-a mid() waiting mid:7;leaf:4 -> sleep(1)
    track-b leaf() waiting leaf:4 -> sleep(2)
  album-2 album() waiting album:10 -> TaskGroup(2)
    track-a mid() waiting mid:7;leaf:4 -> sleep(2)
    track-b leaf() waiting leaf:4 -> sleep(3)
`},
		{"nested.py", 2.5, `Task-1 main() waiting main:15 -> TaskGroup(2)
  album-2 album() waiting album:10 -> TaskGroup(2)
    track-b leaf() waiting leaf:4 -> sleep(3)
`},
		{"nested.py", 4, `Task-1 main() waiting main:19
  wait_for(10) 0/1
    shield 0/1
      Task-9 mid() waiting mid:7;leaf:4 -> sleep(2)
orphan leaf() waiting leaf:4 -> sleep(5)
`},
		{"nested.py", 6, `Task-1 main() waiting main:20
  wait(1) 0/1
    orphan leaf() waiting leaf:4 -> sleep(5)
`},
		{"10_fan_out_fan_in", 1.05, `Task-1 main() waiting main:30
  gather(6) 1/6
    Task-3 download() waiting download:18 -> sleep(1.1)
    Task-4 download() waiting download:18 -> sleep(0.8)
    Task-5 download() waiting download:15 -> Semaphore.acquire
    Task-6 download() waiting download:15 -> Semaphore.acquire
    Task-7 download() waiting download:15 -> Semaphore.acquire
`},
		{"15_taskgroup", 1.05, `Task-1 main() waiting main:25 -> TaskGroup(2)
  Task-3 step() waiting step:14 -> sleep(2)
`},
		{"14_cancel_timeout", 1.05, `Task-1 main() waiting main:34
  wait_for(1.5) 0/1
    Task-3 download() waiting download:14 -> sleep(3)
`},
		{"17_threads_executors", 1.05, `Task-1 main() waiting main:33
  gather(4) 1/4
    wrap_future 0/1
      convert() 0/0
    wrap_future 0/1
      convert() 0/0
    wrap_future 0/1
      convert() 0/0
Task-2 ticker() waiting ticker:22 -> sleep(0.5)
`},
		{"18_streams", 0.05, `Task-1 main() waiting main:41
  gather(2) 0/2
    Task-3 client() waiting client:29 -> sleep(0.5)
    Task-4 client() waiting client:29 -> sleep(0.4)
Task-7 handle() waiting handle:13 -> StreamReader.readuntil
Task-8 handle() waiting handle:13 -> StreamReader.readuntil
`},
	} {
		rec := runRec(t, c.scene, src[c.scene])
		if got := pstree(stateBefore(rec, c.at)); got != c.want {
			t.Errorf("%s before %gs:\n%s\nwant\n%s", c.scene, c.at, got, c.want)
		}
	}

	// 14_cancel_timeout's main awaits the task it cancelled: an edge from
	// a task to a task.
	rec := runRec(t, "14", src["14_cancel_timeout"])
	i := find(t, rec.Trace(), 0, func(e *trace.Event) bool {
		return e.Kind == trace.TaskSuspend && rec.StateAt(0).rec.obj(e.Ref).kind == objTask
	})
	want := "Task-1 main() waiting main:29\n  Task-2 download() ready download:14\n"
	if got := pstree(rec.StateAt(i)); got != want {
		t.Errorf("main awaiting the task it cancelled:\n%s\nwant\n%s", got, want)
	}
}

// awaitProblems checks the await view of s: its rows are the await
// graph's nodes (pstree's lines) in order, a card titled with its task's
// name for a task, a future's item for a future, and every node not shown
// counted in a "+N more"; every branch's link goes from a row down to a
// row right of it.
func awaitProblems(sc *Scene, s *State) []string {
	var bad []string
	lines := strings.Split(strings.TrimSuffix(pstree(s), "\n"), "\n")
	if lines[0] == "" {
		lines = nil
	}
	shown, more, at := 0, 0, 0
	for i := range sc.Items {
		it := &sc.Items[i]
		switch it.Kind {
		case KCard, KFuture:
			want := it.Text
			if it.Kind == KFuture {
				want = s.Future(int32(it.Key&0xffffffff)).Text + " "
			}
			for at < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[at]), strings.TrimSuffix(want, "…")) && !strings.HasPrefix(want, strings.Fields(lines[at])[0]+" ") {
				at++
			}
			if at == len(lines) {
				bad = append(bad, fmt.Sprintf("row %q is no node of the graph, or out of its order", it.Text))
				continue
			}
			at++
			shown++
		case KMore:
			n := 0
			if _, err := fmt.Sscanf(it.Text, strings.Replace(messages[lMoreAwaits][sc.Lang], "{1}", "%d", 1), &n); err != nil {
				bad = append(bad, fmt.Sprintf("%q: %v", it.Text, err))
			}
			more += n
		case KLink:
			if it.Y2 <= it.Y || it.X2 <= it.X {
				bad = append(bad, fmt.Sprintf("a link from %.0f,%.0f to %.0f,%.0f", it.X, it.Y, it.X2, it.Y2))
			}
		}
	}
	if shown+more != len(lines) {
		bad = append(bad, fmt.Sprintf("%d rows + %d more for a graph of %d nodes", shown, more, len(lines)))
	}
	return bad
}

// Two thousand tasks under one gather, each awaiting a coroutine that
// sleeps: the await view shows the first rows that fit and counts the rest
// in "+N more", at every size, while the tasks start, wait and finish.
func TestAwaitViewFolds(t *testing.T) {
	rec := runRec(t, "many.py", `import asyncio

async def nap(k):
    await asyncio.sleep(k % 7 / 10)

async def worker(k):
    await nap(k)
    return k

async def main():
    await asyncio.gather(*[worker(k) for k in range(2000)])

asyncio.run(main())
`)
	folded := 0
	for k, sz := range stageSizes {
		for _, i := range sample(rec.Len(), 12) {
			s := rec.StateAt(i)
			s.SetLang([...]Lang{EN, KO}[(i+k)%2])
			sc := LayoutView(ViewAwaits, sz.w*sz.scale, sz.h*sz.scale, sz.scale, s)
			bad := append(checkScene(sc), textOverlaps(sc)...)
			bad = append(bad, awaitProblems(sc, s)...)
			if len(bad) > 0 {
				t.Errorf("event %d, %s: %s", i, sz.name, strings.Join(bad[:min(4, len(bad))], "\n\t"))
			}
			for _, it := range sc.Items {
				if it.Kind == KMore {
					folded++
				}
			}
		}
	}
	if folded == 0 {
		t.Error("2,000 tasks never folded into +N more")
	}
}
