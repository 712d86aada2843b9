package asyncio

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"loopscope/internal/reftool"
	"loopscope/scenes/trace"
)

// The FastAPI conformance scenes: testdata/fastapi/NAME.py runs through
// the engine and its golden form must equal NAME.out, which
// `/usr/bin/python3 tools/vclock/vclock.py --golden` wrote from real
// FastAPI 0.92 / Starlette 0.26.1 / httpx 0.23 / anyio 3.6.2.

// referencePython is the Python with FastAPI installed (Debian's).
const referencePython = reftool.DebianPython

func fastapiScenes(t *testing.T) []string {
	paths, _ := filepath.Glob(filepath.Join("testdata", "fastapi", "*.py"))
	sort.Strings(paths)
	if len(paths) < 8 {
		t.Fatalf("expected at least 8 FastAPI scenes, found %d", len(paths))
	}
	return paths
}

func TestFastAPIScenes(t *testing.T) {
	for _, p := range fastapiScenes(t) {
		name := strings.TrimSuffix(filepath.Base(p), ".py")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(p, ".py") + ".out")
			if err != nil {
				t.Fatalf("no .out: run %s tools/vclock/vclock.py --golden %s", referencePython, p)
			}
			src, _ := os.ReadFile(p)
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
			// Every request that starts ends with a status, or with an
			// exception reaching the client (label "500"; also after a
			// status, when a teardown raised).
			starts, ended := 0, map[int32]bool{}
			for _, e := range res.Trace.Events {
				if e.Kind == trace.Request {
					if e.Concept != trace.ConceptRequest {
						t.Errorf("request event with concept %v", e.Concept)
					}
					if e.Label == "start" {
						starts++
					} else if ended[e.ID] && e.Label != "500" {
						t.Errorf("request %d answered twice: %s", e.ID, e.Label)
					} else {
						ended[e.ID] = true
					}
				}
			}
			if starts == 0 || starts != len(ended) {
				t.Errorf("request events: %d starts, %d ended", starts, len(ended))
			}
		})
	}
}

// TestFastAPIDependsTrace checks the depends events of the cached and
// yield scenes: the shared dependency is called once per request and
// cached after; teardowns come in reverse order of setup.
func TestFastAPIDependsTrace(t *testing.T) {
	events := func(name string) []string {
		src, err := os.ReadFile(filepath.Join("testdata", "fastapi", name+".py"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := runSource(name+".py", src, Config{Trace: true})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range res.Trace.Events {
			if e.Kind == trace.Depends && (e.Label == "call" || e.Label == "cached" || e.Label == "teardown") && e.Text != "root" && e.Text != "job" {
				out = append(out, e.Text+" "+e.Label)
			}
		}
		return out
	}
	got := strings.Join(events("cache_shared")[:4], ", ")
	if want := "get_settings call, get_a call, get_settings cached, get_b call"; got != want {
		t.Errorf("cache_shared, first request:\n got %s\nwant %s", got, want)
	}
	var teardowns []string
	for _, e := range events("yield_teardown") {
		if strings.HasSuffix(e, " teardown") {
			teardowns = append(teardowns, strings.TrimSuffix(e, " teardown"))
		}
	}
	if got, want := strings.Join(teardowns[:3], ", "), "get_audit, get_lock, get_conn"; got != want {
		t.Errorf("yield_teardown: teardowns %s, want %s", got, want)
	}
}

// TestFastAPIDependsOrder checks the depends_tree scene's trace against
// what real FastAPI 0.92 printed (its .out, which TestFastAPIHarness
// re-checks): each dependency's teardown event (T) comes right before the
// line its teardown prints (P), in FastAPI's order, and each response (R)
// is sent before the teardowns of a request that succeeded, after them
// for an HTTPException (401) and for parameters that do not validate
// (422, whose RequestValidationError the teardowns see: get_audit, with
// no finally, prints nothing). The tree's nodes each say who they feed.
func TestFastAPIDependsOrder(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "fastapi", "depends_tree.py"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := runSource("depends_tree.py", src, Config{Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	var seq, tree []string
	parent := map[int32]string{}
	req := map[int32]int32{} // node -> its request
	first := int32(0)
	for _, e := range res.Trace.Events {
		if e.Kind == trace.Request && first == 0 {
			first = e.ID
		}
		if e.Kind == trace.Depends && e.Label == "solve" {
			req[e.ID] = req[e.Ref]
			if req[e.ID] == 0 {
				req[e.ID] = e.Ref
			}
		}
		inFirst := req[e.ID] == first
		switch {
		case e.Kind == trace.Depends && e.Label == "teardown":
			seq = append(seq, "T:"+strings.TrimPrefix(e.Text, "get_"))
		case e.Kind == trace.Print && strings.HasSuffix(e.Text, " teardown\n"):
			seq = append(seq, "P:"+strings.Fields(e.Text)[1])
		case e.Kind == trace.Request && e.Label != "start":
			seq = append(seq, "R:"+e.Label)
		case e.Kind == trace.Depends && e.Label == "solve":
			parent[e.ID] = e.Text
			if inFirst {
				tree = append(tree, fmt.Sprintf("%s<%s/%g", e.Text, parent[e.Ref], e.Num))
			}
		case e.Kind == trace.Depends && e.Label == "cached" && inFirst:
			tree = append(tree, e.Text+"=cached("+parent[e.Cause]+")")
		}
	}
	if got, want := strings.Join(seq, " "), "T:db P:db R:401 R:200 T:audit P:audit T:lock P:lock T:db P:db T:audit T:lock P:lock T:db P:db R:422"; got != want {
		t.Errorf("teardowns and responses:\n got %s\nwant %s", got, want)
	}
	want := "items</0 log_hit<items/0 get_audit<items/2 Checker<get_audit/0 Settings<Checker/1 get_db<Settings/2 " +
		"get_lock<get_audit/3 get_db<get_lock/2 get_db=cached(get_db) get_db<items/2 get_db=cached(get_db) stamp<items/1 stamp<items/1"
	if got := strings.Join(tree, " "); got != want {
		t.Errorf("the first request's tree:\n got %s\nwant %s", got, want)
	}
}

// TestFastAPIBuiltinScene runs the library's FastAPI scene through the
// engine; with the reference Python at hand it must print what real
// FastAPI prints under vclock.
func TestFastAPIBuiltinScene(t *testing.T) {
	p := filepath.Join("..", "19_fastapi_depends", "scene.py")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	res, err := runSource("scene.py", src, Config{Trace: true})
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if res.Internal != nil || res.Stop != nil {
		t.Fatalf("did not finish: internal %v, stop %v", res.Internal, res.Stop)
	}
	want, ok := harnessGolden(t, p)
	if !ok {
		return
	}
	if got := res.Golden(); got != want {
		t.Errorf("golden mismatch\n--- got\n%s--- want (vclock)\n%s", got, want)
	}
}

// TestFastAPIHarness re-runs the reference harness over the scenes to
// prove the stored outputs are still real FastAPI's.
func TestFastAPIHarness(t *testing.T) {
	for _, p := range fastapiScenes(t) {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".py"), func(t *testing.T) {
			t.Parallel() // each run imports FastAPI: seconds
			want, err := os.ReadFile(strings.TrimSuffix(p, ".py") + ".out")
			if err != nil {
				t.Fatalf("%s: no .out", p)
			}
			got, ok := harnessGolden(t, p)
			if !ok {
				return
			}
			if got != string(want) {
				t.Errorf("%s: the stored .out is no longer what FastAPI prints\n--- vclock\n%s--- stored\n%s", p, got, want)
			}
		})
	}
}

// harnessGolden runs vclock --golden under the reference Python. Without
// it (or without FastAPI there) the test is skipped loudly, or fails when
// CI is set.
func harnessGolden(t *testing.T, scene string) (string, bool) {
	t.Helper()
	reftool.FastAPIPython(t, "the scenes are not checked against real FastAPI")
	vclock := filepath.Join("..", "..", "tools", "vclock", "vclock.py")
	cmd := exec.Command(referencePython, vclock, "--golden", scene)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil && stdout.Len() == 0 {
		t.Fatalf("vclock %s: %v\n%s", scene, err, stderr.String())
	}
	return stdout.String(), true
}

// TestFastAPIRefusesUnknownAnnotations: a query or path parameter whose
// annotation this model does not convert is refused when the route is
// declared, naming the def's line, instead of being passed as a str.
func TestFastAPIRefusesUnknownAnnotations(t *testing.T) {
	cases := []struct{ params, want string }{
		{"item_id: int, ids: list[int] = None", "query parameter 'ids' of read, line 8: only int, float, bool or str (or no annotation, or Optional of one of them) are converted, not list"},
		{"item_id: dict", "path parameter 'item_id' of read, line 8: only int, float, bool or str (or no annotation, or Optional of one of them) are converted, not dict"},
		{"item_id: int, q: int | str | None = None", "query parameter 'q' of read, line 8: only int, float, bool or str (or no annotation, or Optional of one of them) are converted, not int | str | None"},
		{`item_id: "int"`, "path parameter 'item_id' of read, line 8: only int, float, bool or str (or no annotation, or Optional of one of them) are converted, not 'int'"},
		{"item_id: int, dep=Depends(helper)", "query parameter 'x' of helper, line 4: only int, float, bool or str (or no annotation, or Optional of one of them) are converted, not tuple"},
	}
	for _, c := range cases {
		src := `from fastapi import Depends, FastAPI
app = FastAPI()

def helper(x: tuple):
    return x


@app.get("/items/{item_id}")
def read(` + c.params + `):
    return item_id
`
		res, err := runSource("refuse.py", []byte(src), Config{})
		if err != nil {
			t.Fatalf("%s: refused at compile time: %v", c.params, err)
		}
		if res.Uncaught == nil {
			t.Errorf("%s: not refused; stdout %q", c.params, res.Stdout)
			continue
		}
		if got := res.Uncaught.Error(); !strings.Contains(got, c.want) {
			t.Errorf("%s: got %q, want it to contain %q", c.params, got, c.want)
		}
	}
}
