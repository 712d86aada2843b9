package playback

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"loopscope/scenes/engine"
)

// treeOf writes a request's tree as the Depends view shows it: each node
// indented under its parent, with where it runs (loop or thread), its
// state, the node it reuses, its teardown turn.
func treeOf(q *Request) string {
	var b strings.Builder
	b.WriteString(q.Text + " -> " + q.Status + "\n")
	for _, d := range q.Nodes {
		b.WriteString(strings.Repeat("  ", d.Depth) + d.Name)
		if d.Thread {
			b.WriteString(" [thread]")
		}
		if d.Yield {
			b.WriteString(" [yield]")
		}
		b.WriteString(" " + depStateNames[d.State])
		if d.Reuses != 0 {
			if r := q.Node(d.Reuses); r != nil {
				b.WriteString(" <- " + r.Name + "@" + itoa(r.Depth))
			}
		}
		if d.Teardown > 0 {
			b.WriteString(" #" + itoa(d.Teardown))
		}
		b.WriteString("\n")
	}
	return b.String()
}

var depStateNames = [...]string{"waiting", "loop", "thread", "done", "cached", "torn-down", "failed", "skipped"}

func recordFile(t *testing.T, path string) *Recording {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := engine.Run(src, engine.Options{Filename: path, Trace: true})
	if r.Trace == nil || r.ExitCode != 0 {
		t.Fatalf("%s: exit %d", path, r.ExitCode)
	}
	return Build(r.Trace)
}

// dependsAt returns the requests after the first event at or after from
// that is a depends or request event with the given text and label.
func dependsAt(t *testing.T, rec *Recording, text, label string) *State {
	t.Helper()
	for _, i := range rec.reqEvents {
		if e := &rec.tr.Events[i]; e.Text == text && e.Label == label {
			return rec.StateAt(int(i))
		}
	}
	t.Fatalf("no event %s %s", text, label)
	return nil
}

// TestDependsScene19 follows the built-in scene's three requests: each
// tree as FastAPI solves it (get_db under get_current_user under the
// def allowed_labels, then the endpoint's own get_db reusing it), side by
// side while they overlap, the 200 sent before get_db's teardown.
func TestDependsScene19(t *testing.T) {
	rec := recordFile(t, "../19_fastapi_depends/scene.py")
	if !rec.HasRequests() {
		t.Fatal("scene 19 has no requests")
	}
	tree := func(who, status, labels, db, teardown string) string {
		return "GET /items?token=" + who + " -> " + status + "\n" +
			"read_items " + labels + "\n" +
			"  allowed_labels [thread] " + labels + "\n" +
			"    get_current_user " + labels + "\n" +
			"      get_db [yield] " + db + teardown + "\n" +
			"  get_db [yield] cached <- get_db@3\n"
	}
	check := func(s *State, want ...string) {
		t.Helper()
		qs := s.Requests()
		var got []string
		for k := range qs {
			got = append(got, treeOf(&qs[k]))
		}
		if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
			t.Errorf("at event %d (%s):\n got\n%s\nwant\n%s", s.Index, s.Event.String(), g, w)
		}
	}
	s := rec.StateAt(rec.Len() - 1)
	check(s, tree("ann", "200", "done", "torn-down", " #1"), tree("bob", "200", "done", "torn-down", " #1"), tree("eve", "200", "done", "torn-down", " #1"))

	// ann's allowed_labels runs in a worker thread while bob's and eve's
	// get_current_user await their sleep on the loop.
	s = dependsAt(t, rec, "allowed_labels", "call")
	qs := s.Requests()
	if len(qs) != 3 || qs[0].Nodes[1].State != DepThread || qs[1].Nodes[2].State != DepLoop || qs[2].Nodes[2].State != DepLoop || qs[1].Nodes[1].State != DepWaiting {
		t.Errorf("at ann's allowed_labels call:\n%s%s%s", treeOf(&qs[0]), treeOf(&qs[1]), treeOf(&qs[2]))
	}
	// The response goes out before the teardown (FastAPI 0.92).
	s = dependsAt(t, rec, "GET /items?token=ann", "200")
	if q := s.Requests()[0]; q.Nodes[3].State != DepDone || q.Nodes[3].Teardown != 0 || q.Status != "200" {
		t.Errorf("at ann's response:\n%s", treeOf(&q))
	}
}

// TestDependsRealOrder checks the model on the depends_tree scene against
// what real FastAPI 0.92 printed there (its .out, which the asyncio
// package's TestFastAPIHarness re-checks): every kind of dependency in its
// place, each cache hit pointing at the node it reuses, the failed and the
// skipped, and the teardowns in FastAPI's order.
func TestDependsRealOrder(t *testing.T) {
	const scene = "../asyncio/testdata/fastapi/depends_tree"
	rec := recordFile(t, scene+".py")
	qs := rec.StateAt(rec.Len() - 1).Requests()
	ok := func(endpoint, td1, td2, td3 string) string {
		return "items " + endpoint + "\n" +
			"  log_hit done\n" +
			"  get_audit [yield] torn-down #" + td1 + "\n" +
			"    Checker done\n" +
			"      Settings [thread] done\n" +
			"        get_db [yield] torn-down #" + td3 + "\n" +
			"    get_lock [thread] [yield] torn-down #" + td2 + "\n" +
			"      get_db [yield] cached <- get_db@4\n" +
			"  get_db [yield] cached <- get_db@4\n" +
			"  stamp [thread] done\n" +
			"  stamp [thread] done\n"
	}
	want := []string{
		"GET /items?token=ann -> 200\n" + ok("done", "1", "2", "3"),
		"GET /items?token=bad -> 401\nitems skipped\n  log_hit done\n  get_audit [yield] skipped\n    Checker failed\n      Settings [thread] done\n        get_db [yield] torn-down #1\n",
		"GET /items?token=ann&n=x -> 422\n" + ok("failed", "1", "2", "3"),
	}
	if len(qs) != len(want) {
		t.Fatalf("%d requests, want %d", len(qs), len(want))
	}
	for k := range qs {
		if got := treeOf(&qs[k]); got != want[k] {
			t.Errorf("request %d:\n got\n%s\nwant\n%s", k, got, want[k])
		}
	}

	// Every teardown in the order the model numbers them, request after
	// request as they happened, is the order of the lines real FastAPI
	// printed; the 422's get_audit prints nothing (the
	// RequestValidationError goes through its yield: it has no finally).
	type td struct {
		at   int
		name string
	}
	var tds []td
	for k := range qs {
		for _, d := range qs[k].Nodes {
			if d.Teardown > 0 && !(k == 2 && d.Name == "get_audit") {
				tds = append(tds, td{d.Changed, strings.TrimPrefix(d.Name, "get_")})
			}
		}
	}
	sort.Slice(tds, func(i, j int) bool { return tds[i].at < tds[j].at })
	var model, real []string
	for _, x := range tds {
		model = append(model, x.name)
	}
	out, err := os.ReadFile(scene + ".out")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[2] == "teardown" {
			real = append(real, f[1])
		}
	}
	if g, w := strings.Join(model, " "), strings.Join(real, " "); g != w || len(real) != 6 {
		t.Errorf("teardowns: the model's %s, real FastAPI's %s", g, w)
	}
}

// TestDependsCorpus runs the model over the corpus's FastAPI programs,
// whose outputs CPython with FastAPI wrote: a class and a callable
// instance as dependencies, a chain of yield dependencies torn down from
// the innermost caller out ("close c after b" first), a def generator in
// the pool, and Annotated[...] giving the same trees as "= Depends(...)".
func TestDependsCorpus(t *testing.T) {
	const dir = "../testdata/programs/"
	trees := func(name string) string {
		rec := recordFile(t, dir+name+".py")
		qs := rec.StateAt(rec.Len() - 1).Requests()
		var b strings.Builder
		for k := range qs {
			b.WriteString(treeOf(&qs[k]))
		}
		return b.String()
	}
	cases := []struct{ name, want string }{
		{"201_fastapi_dep_class", "GET /items/ -> 200\nread_items done\n  CommonQueryParams [thread] done\n"},
		{"207_fastapi_callable_instance", "GET /query-checker/ -> 200\nread_query_check done\n  FixedContentQueryChecker [thread] done\n"},
		{"210_fastapi_yield_sub_dependencies", "GET /chain/ -> 200\nread_chain done\n  dependency_c [yield] torn-down #1\n    dependency_b [yield] torn-down #2\n      dependency_a [yield] torn-down #3\n"},
		{"206_fastapi_yield_httpexception", "GET /items/portal-gun -> 200\nget_item [thread] done\n  get_username [thread] [yield] torn-down #1\n" +
			"GET /items/plumbus -> 400\nget_item [thread] failed\n  get_username [thread] [yield] torn-down #1\n"},
	}
	for _, c := range cases {
		if got := trees(c.name); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s:\n got\n%s\nwant it to start with\n%s", c.name, got, c.want)
		}
	}
	if a, b := trees("212_fastapi_annotated_dep_function"), trees("200_fastapi_dep_function"); a != b || !strings.Contains(a, "common_parameters failed") {
		t.Errorf("Annotated[...] gives\n%s\n= Depends(...) gives\n%s", a, b)
	}
	if rec := recordFile(t, "../01_event_loop/scene.py"); rec.HasRequests() {
		t.Error("a scene without FastAPI has requests")
	}
}

// dependsProblems checks the Depends view of a scene: every request shown
// has a chip for each of its nodes, in the tree's order, or counts the
// rest in "+N more dependencies"; a torn-down chip says its turn; a cached
// chip has a link to the chip of the node it reuses; and the response
// chip says the status once there is one.
func dependsProblems(sc *Scene, s *State) []string {
	var bad []string
	qs := s.Requests()
	for i := range sc.Items {
		sec := &sc.Items[i]
		if sec.Kind != KSection {
			continue
		}
		var q *Request
		for k := range qs {
			if strings.HasPrefix(sec.Text, "#"+itoa(k+1)+" ") {
				q = &qs[k]
			}
		}
		if q == nil {
			bad = append(bad, fmt.Sprintf("a column %q of no request", sec.Text))
			continue
		}
		var chips []*Item
		more := 0
		reuse := map[float64]bool{} // the y of each reuse link's start
		for j := range sc.Items {
			it := &sc.Items[j]
			switch {
			case it.Parent != i:
			case it.Kind == KChip:
				chips = append(chips, it)
			case it.Kind == KMore:
				var n int // "+N more dependencies", not "+N more requests"
				if _, err := fmt.Sscanf(it.Text, strings.Replace(messages[dMoreDeps][sc.Lang], "{1}", "%d", 1), &n); err == nil {
					more = n
				}
			case it.Kind == KLink && it.X2 > it.X:
				// a branch: down and right to a chip
			case it.Kind == KLink:
				reuse[it.Y] = true
			}
		}
		if len(chips) == 0 {
			bad = append(bad, q.Text+": no chip")
			continue
		}
		if resp := chips[len(chips)-1]; q.Status != "" && resp.Text != q.Status {
			bad = append(bad, fmt.Sprintf("%s: the response says %q, the status is %s", q.Text, resp.Text, q.Status))
		}
		chips = chips[:len(chips)-1]
		var order []Dep // the dependencies, then the endpoint
		if len(q.Nodes) > 0 {
			order = append(append(order, q.Nodes[1:]...), q.Nodes[0])
		}
		if len(chips)+more != len(order) {
			bad = append(bad, fmt.Sprintf("%s: %d chips and %d more for %d nodes", q.Text, len(chips), more, len(order)))
			continue
		}
		for k, it := range chips {
			d := order[k]
			if k == len(chips)-1 {
				d = order[len(order)-1]
			}
			if !strings.HasPrefix(it.Text, d.Name) || it.Key != key(tagDep, d.ID) {
				bad = append(bad, fmt.Sprintf("%s: chip %d is %q, not %s", q.Text, k, it.Text, d.Name))
			}
			if d.State == DepTornDown && !strings.Contains(it.Sub, itoa(d.Teardown)) {
				bad = append(bad, fmt.Sprintf("%s: %s torn down #%d says %q", q.Text, d.Name, d.Teardown, it.Sub))
			}
			if d.State == DepCached && !reuse[it.Y+it.H/2] {
				bad = append(bad, fmt.Sprintf("%s: the cached %s has no link to the node it reuses", q.Text, d.Name))
			}
		}
	}
	return bad
}

// TestDependsLayout lays out the Depends view of FastAPI programs with
// more requests than columns, deeper trees, failures and cache hits, at
// laptop and phone sizes in both languages, along their whole runs.
func TestDependsLayout(t *testing.T) {
	for _, p := range []string{"../asyncio/testdata/fastapi/depends_tree.py", "../asyncio/testdata/fastapi/cache_shared.py",
		"../asyncio/testdata/fastapi/pool_limit.py", "../testdata/programs/206_fastapi_yield_httpexception.py"} {
		rec := recordFile(t, p)
		for k, sz := range stageSizes {
			problems := 0
			for _, i := range sample(rec.Len(), 80) {
				s := rec.StateAt(i)
				s.SetLang([...]Lang{EN, KO}[(i+k)%2])
				sc := LayoutView(ViewDepends, sz.w*sz.scale, sz.h*sz.scale, sz.scale, s)
				bad := append(checkScene(sc), textOverlaps(sc)...)
				bad = append(bad, dependsProblems(sc, s)...)
				if len(bad) > 0 {
					if problems++; problems <= 2 {
						t.Errorf("%s at event %d, %s in %s: %s", p, i, sz.name, s.Lang, strings.Join(bad[:min(4, len(bad))], "\n\t"))
					}
				}
			}
		}
	}
}
