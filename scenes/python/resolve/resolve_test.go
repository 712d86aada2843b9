package resolve_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	_ "loopscope/scenes/lib" // the modules scenes can import
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// check parses and resolves src and returns the errors (nil if none).
func check(name string, src []byte) ([]*syntax.Error, *syntax.File) {
	f, err := syntax.Parse(name, src)
	if err != nil {
		return []*syntax.Error{err.(*syntax.Error)}, nil
	}
	if err := resolve.File(f); err != nil {
		return err.(resolve.ErrorList), f
	}
	return nil, f
}

var wantRE = regexp.MustCompile(`### "(.*)"\s*$`)

// TestErrors runs the chunked error tests of testdata/*.py: chunks are
// separated by lines of "---"; a line ending in ### "regexp" must be the
// line of an error whose message matches regexp; a chunk without one must
// have no error.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.py")
	if len(files) == 0 {
		t.Fatal("no test files")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		start := 0
		for i := 0; i <= len(lines); i++ {
			if i < len(lines) && strings.TrimRight(lines[i], " ") != "---" {
				continue
			}
			chunk := lines[start:i]
			firstLine := start + 1
			start = i + 1
			// Expectations by chunk line number.
			want := map[int]*regexp.Regexp{}
			var src strings.Builder
			for j, line := range chunk {
				if m := wantRE.FindStringSubmatch(line); m != nil {
					rx, err := regexp.Compile(m[1])
					if err != nil {
						t.Fatalf("%s:%d: bad regexp: %v", file, firstLine+j, err)
					}
					want[j+1] = rx
					line = line[:strings.Index(line, "###")]
				}
				src.WriteString(line)
				src.WriteString("\n")
			}
			errs, _ := check("chunk.py", []byte(src.String()))
			for _, e := range errs {
				rx := want[int(e.Pos.Line)]
				if rx == nil {
					t.Errorf("%s:%d: unexpected error: %v", file, firstLine+int(e.Pos.Line)-1, e)
					continue
				}
				if !rx.MatchString(e.Msg) {
					t.Errorf("%s:%d: error %q does not match %q", file, firstLine+int(e.Pos.Line)-1, e.Msg, rx)
				}
				delete(want, int(e.Pos.Line))
			}
			for line, rx := range want {
				t.Errorf("%s:%d: expected error matching %q", file, firstLine+line-1, rx)
			}
		}
	}
}

// TestBadScenes checks every scene of scenes/testdata/bad: its first line
// is "# want: LINE:COL: message" and the first error must be exactly
// NAME.py:LINE:COL: message, where "(supported: ...)" stands for the list
// of the modules scenes can import (which grows as modules are added).
func TestBadScenes(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/bad/*.py")
	if len(files) < 70 {
		t.Errorf("only %d bad scenes, want at least 70", len(files))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		want, ok := strings.CutPrefix(first, "# want: ")
		if !ok {
			t.Errorf("%s: first line is not a '# want: ' comment", file)
			continue
		}
		want = strings.Replace(want, "(supported: ...)", "(supported: "+modules.Supported()+")", 1)
		name := filepath.Base(file)
		errs, _ := check(name, data)
		if len(errs) == 0 {
			t.Errorf("%s: no error, want %s", file, want)
			continue
		}
		if got := errs[0].Error(); got != name+":"+want {
			t.Errorf("%s:\n got %s\nwant %s:%s", file, got, name, want)
		}
	}
}

// TestCorpusResolves checks that every corpus scene (real CPython
// programs) parses and resolves without error.
func TestCorpusResolves(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/*.py")
	more, _ := filepath.Glob("../../testdata/corpus/*/*.py")
	files = append(files, more...)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if errs, _ := check(filepath.Base(file), data); len(errs) > 0 {
			t.Errorf("%s: %v", file, errs[0])
		}
	}
}

// bindings describes every function of a resolved file and the binding of
// every identifier use, compactly.
func bindings(f *syntax.File) string {
	var b strings.Builder
	m := f.Module.(*resolve.Module)
	var gl []string
	for _, g := range m.Globals {
		s := g.Name
		if g.Module != "" {
			s += "=" + g.Module
		}
		if g.First == nil {
			s += "?"
		}
		gl = append(gl, s)
	}
	fmt.Fprintf(&b, "globals [%s]\n", strings.Join(gl, " "))
	for _, fn := range m.Functions {
		var locals, free []string
		for _, l := range fn.Locals {
			locals = append(locals, l.Scope.String()[:1]+":"+l.Name)
		}
		for _, fv := range fn.FreeVars {
			free = append(free, fv.Name)
		}
		flags := ""
		if fn.Async {
			flags += " async"
		}
		if fn.Generator {
			flags += " generator"
		}
		fmt.Fprintf(&b, "func %s%s params=%d locals=[%s] free=[%s]\n", fn.Name, flags, fn.NumParams, strings.Join(locals, " "), strings.Join(free, " "))
	}
	var uses []string
	syntax.Walk(f, func(n syntax.Node) bool {
		if id, ok := n.(*syntax.Ident); ok {
			if bd, ok := id.Binding.(*resolve.Binding); ok {
				idx := fmt.Sprint(bd.Index)
				if bd.Scope == resolve.Universal {
					// The index into Builtins must name the builtin.
					idx = ""
					if resolve.Builtins[bd.Index] != id.Name {
						idx = "-WRONG-INDEX"
					}
				}
				uses = append(uses, fmt.Sprintf("%d:%d %s=%s%s", id.NamePos.Line, id.NamePos.Col, id.Name, bd.Scope, idx))
			}
		}
		return true
	})
	sort.SliceStable(uses, func(i, j int) bool {
		a, b := uses[i], uses[j]
		la, _ := strconv.Atoi(a[:strings.Index(a, ":")])
		lb, _ := strconv.Atoi(b[:strings.Index(b, ":")])
		return la < lb
	})
	b.WriteString(strings.Join(uses, " "))
	return b.String()
}

func TestBindings(t *testing.T) {
	for _, test := range []struct{ src, want string }{
		{
			"import asyncio\nasync def main():\n    x = 1\n    def inc():\n        nonlocal x\n        x += 1\n    inc()\n    await asyncio.sleep(x)\nasyncio.run(main())\n",
			`globals [asyncio=asyncio main]
func main async params=0 locals=[c:x l:inc] free=[]
func inc params=0 locals=[] free=[x]
1:8 asyncio=global0 2:11 main=global1 3:5 x=cell0 4:9 inc=local1 5:18 x=free0 6:9 x=free0 7:5 inc=local1 8:11 asyncio=global0 8:25 x=cell0 9:1 asyncio=global0 9:13 main=global1`,
		},
		{
			"n = 0\ndef f(a, *args, k=n, **kw):\n    global n\n    n = len(args)\n    return [a * i for i in args if i > k]\n",
			`globals [n f]
func f params=4 locals=[c:a l:args c:k l:kw] free=[]
func <listcomp> params=0 locals=[l:i] free=[k a]
1:1 n=global0 2:5 f=global1 2:7 a=cell0 2:11 args=local1 2:17 k=cell2 2:19 n=global0 2:24 kw=local3 3:12 n=global0 4:5 n=global0 4:9 len=universal 4:13 args=local1 5:23 i=local0 5:28 args=local1 5:36 i=local0 5:40 k=free0 5:13 a=free1 5:17 i=local0`,
		},
		{
			"def gen():\n    yield 1\nf = lambda x: x + y\nprint(sum(v for v in gen()), undefined)\n",
			`globals [gen f undefined? y?]
func gen generator params=0 locals=[] free=[]
func <lambda> params=1 locals=[l:x] free=[]
func <genexpr> generator params=0 locals=[l:v] free=[]
1:5 gen=global0 3:1 f=global1 3:12 x=local0 3:15 x=local0 3:19 y=global3 4:1 print=universal 4:7 sum=universal 4:17 v=local0 4:22 gen=global0 4:11 v=local0 4:30 undefined=global2`,
		},
		{
			"import concurrent.futures as cf\nfrom concurrent import futures\nimport time\nasync def agen():\n    for i in range(2):\n        yield i\n    time.sleep(0)\nasync def main():\n    xs = [x async for x in agen()]\n    ys = [await t for t in xs]\n    with cf.ThreadPoolExecutor() as ex:\n        futures.wait([ex.submit(print)])\n",
			`globals [cf=concurrent.futures futures=concurrent.futures time=time agen main]
func agen async generator params=0 locals=[l:i] free=[]
func main async params=0 locals=[l:xs l:ys l:ex] free=[]
func <listcomp> async params=0 locals=[l:x] free=[]
func <listcomp> async params=0 locals=[l:t] free=[]
1:30 cf=global0 2:24 futures=global1 3:8 time=global2 4:11 agen=global3 5:9 i=local0 5:14 range=universal 6:15 i=local0 7:5 time=global2 8:11 main=global4 9:5 xs=local0 9:23 x=local0 9:28 agen=global3 9:11 x=local0 10:5 ys=local1 10:23 t=local0 10:28 xs=local0 10:17 t=local0 11:10 cf=global0 11:37 ex=local2 12:9 futures=global1 12:23 ex=local2 12:33 print=universal`,
		},
		{
			// A class body's names are class attributes (class), which
			// its methods do not see (x in m is the global); a method
			// that names super reaches the class through the class body's
			// __class__ cell; a function's variable passes through the
			// class body (free there) to the method.
			"x = 0\ndef f(k):\n    class A(B):\n        x = k\n        def m(self):\n            return x, k, super().m()\n    return A\n",
			`globals [x f B?]
func f params=1 locals=[c:k l:A] free=[]
func A params=0 locals=[c:__class__] free=[k]
func m params=1 locals=[l:self] free=[k __class__]
1:1 x=global0 2:5 f=global1 2:7 k=cell0 3:11 A=local1 3:13 B=global2 4:9 x=class0 4:13 k=free0 5:13 m=class0 5:15 self=local0 6:20 x=global0 6:23 k=free0 6:26 super=universal 7:12 A=local1`,
		},
	} {
		errs, f := check("t.py", []byte(test.src))
		if len(errs) > 0 {
			t.Errorf("%s: %v", test.src, errs[0])
			continue
		}
		if got := bindings(f); got != test.want {
			t.Errorf("%s\n got:\n%s\nwant:\n%s", test.src, got, test.want)
		}
	}
}
