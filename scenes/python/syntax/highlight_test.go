package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var colorNames = map[Color]string{
	ColorKeyword: "kw", ColorAsyncWord: "async", ColorConstant: "const", ColorString: "str",
	ColorNumber: "num", ColorComment: "com", ColorDefName: "def", ColorDecorator: "deco", ColorBuiltin: "builtin",
}

// painted shows src's spans as "color:text" words.
func painted(t *testing.T, src string) string {
	t.Helper()
	spans := Highlight([]byte(src), func(name string) bool { return name == "print" || name == "len" })
	checkSpans(t, src, spans)
	var b []string
	for _, s := range spans {
		b = append(b, colorNames[s.Color]+":"+src[s.Start:s.End])
	}
	return strings.Join(b, " ")
}

// checkSpans fails unless the spans are in order, apart and inside src.
func checkSpans(t *testing.T, src string, spans []Span) {
	t.Helper()
	end := 0
	for _, s := range spans {
		if s.Start < end || s.End <= s.Start || s.End > len(src) || colorNames[s.Color] == "" {
			t.Fatalf("bad span %+v after offset %d in %q", s, end, src)
		}
		end = s.End
	}
}

func TestHighlight(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"async def main():\n    await asyncio.sleep(1.5)  # wait\n",
			"async:async kw:def def:main async:await num:1.5 com:# wait"},
		{"@app.get('/x')\nasync def f(): return None\n",
			"deco:@ deco:app deco:. deco:get str:'/x' async:async kw:def def:f kw:return const:None"},
		{"print(len(x), x.print, f\"{x!r}\", b'\\x00')\n",
			"builtin:print builtin:len str:f\"{x!r}\" str:b'\\x00'"},
		{"class Pot:\n    '''doc\n    more'''\n    n = 0x1f if True else 2\n",
			"kw:class def:Pot str:'''doc\n    more''' num:0x1f kw:if const:True kw:else num:2"},
		{"s = '# not a comment'  # a comment\n", "str:'# not a comment' com:# a comment"},
		// While the learner types: an unterminated string is a string to
		// the end of its line, and the next line reads as usual.
		{"x = \"abc\nif x:\n    pass\n", "str:\"abc kw:if kw:pass"},
		{"x = '''abc\nif x:\n", "str:'''abc\nif x:\n"},
		// A stray bracket or character: the rest of the line reads on.
		{"x = 1)  # note\nwhile True: pass\n", "num:1 com:# note kw:while const:True kw:pass"},
		{"x = (1,\n     2\n", "num:1 num:2"},
		// A line indented less than the block it leaves, after an error.
		{"def f():\n        y = 'a\n    return 1\n", "kw:def def:f str:'a kw:return num:1"},
		{"if x:\n    y = 1\n  z = 2\n  return\n", "kw:if num:1 num:2 kw:return"},
		{"\ufeffimport asyncio\n", "kw:import"},
		{"café = 'é' # ü\n", "str:'é' com:# ü"},
		{"", ""},
	} {
		if got := painted(t, c.src); got != c.want {
			t.Errorf("Highlight(%q):\n got %s\nwant %s", c.src, got, c.want)
		}
	}
}

// TestHighlightEveryPrefix colours every scene cut at every byte, as the
// learner's editor holds it while typing: never a panic, always well
// formed spans.
func TestHighlightEveryPrefix(t *testing.T) {
	files, _ := filepath.Glob("../../*/scene.py")
	if len(files) == 0 {
		t.Fatal("no scenes found")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		step := 1
		if testing.Short() {
			step = 37
		}
		for n := 0; n <= len(src); n += step {
			checkSpans(t, string(src[:n]), Highlight(src[:n], nil))
		}
	}
}

func BenchmarkHighlight(b *testing.B) {
	src, err := os.ReadFile("../../10_fan_out_fan_in/scene.py")
	if err != nil {
		b.Fatal(err)
	}
	long := []byte(strings.Repeat(string(src), 500/strings.Count(string(src), "\n")+1))
	b.SetBytes(int64(len(long)))
	for b.Loop() {
		Highlight(long, nil)
	}
}
