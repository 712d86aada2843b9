package resolve_test

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"loopscope/internal/reftool"
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// python311 returns the path of a CPython 3.11 interpreter: these tests
// check the parser against the reference CPython.
func python311(t *testing.T) string {
	t.Helper()
	return reftool.Python311(t, "the parser is not checked against CPython")
}

// validChunks writes every chunk of testdata/valid.py to its own file in
// dir and returns the file names.
func validChunks(t *testing.T, dir string) []string {
	data, err := os.ReadFile("testdata/valid.py")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for i, chunk := range strings.Split(string(data), "\n---\n") {
		name := filepath.Join(dir, fmt.Sprintf("valid%03d.py", i))
		if err := os.WriteFile(name, []byte(chunk+"\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	return files
}

// positions lists the nodes CPython's ast also has, with their start and
// end, in the format of testdata/cpython/positions.py.
func positions(name string, f *syntax.File) []string {
	skip := map[*syntax.Ident]bool{}
	specs := map[*syntax.FString]bool{}
	var out []string
	add := func(kind string, n syntax.Node) {
		out = append(out, fmt.Sprintf("%s\t%s %d:%d-%d:%d", name, kind, n.Pos().Line, n.Pos().Col, n.End().Line, n.End().Col))
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		if s, ok := n.(syntax.Stmt); ok {
			start := s.Pos()
			if d, ok := s.(*syntax.DefStmt); ok {
				// CPython's FunctionDef starts at def (or async), after
				// the decorators.
				start = d.Def
				if d.Async {
					start = d.AsyncPos
				}
			}
			if c, ok := s.(*syntax.ClassStmt); ok {
				start = c.Class
			}
			out = append(out, fmt.Sprintf("%s\tStmt %d:%d-%d:%d", name, start.Line, start.Col, s.End().Line, s.End().Col))
		}
		switch n := n.(type) {
		case *syntax.MatchValue:
			if isSingleton(n) {
				return false // CPython's MatchSingleton holds no Constant
			}
		case *syntax.MatchCapture:
			skip[n.Name] = true // CPython's MatchAs holds a name, not a Name
		case *syntax.MatchStar:
			skip[n.Name] = true
		case *syntax.MatchAs:
			skip[n.Name] = true
		case *syntax.MatchMapping:
			if n.Rest != nil {
				skip[n.Rest] = true
			}
		case *syntax.MatchClass:
			for _, id := range n.KwdNames {
				skip[id] = true
			}
		case *syntax.DefStmt:
			skip[n.Name] = true
		case *syntax.ClassStmt:
			skip[n.Name] = true
		case *syntax.Param:
			skip[n.Name] = true
		case *syntax.KeywordArg:
			skip[n.Name] = true
		case *syntax.DotExpr:
			skip[n.Name] = true
			add("Attribute", n)
		case *syntax.GlobalStmt:
			for _, id := range n.Names {
				skip[id] = true
			}
		case *syntax.NonlocalStmt:
			for _, id := range n.Names {
				skip[id] = true
			}
		case *syntax.ImportName:
			for _, id := range n.Path {
				skip[id] = true
			}
			skip[n.AsName] = true
		case *syntax.FromImportStmt:
			for _, id := range n.Module {
				skip[id] = true
			}
		case *syntax.ExceptClause:
			skip[n.Name] = true
		case *syntax.Ident:
			if !skip[n] {
				add("Name "+n.Name, n)
			}
		case *syntax.CallExpr:
			add("Call", n)
		case *syntax.Literal:
			add("Constant", n)
		case *syntax.FString:
			for _, p := range n.Parts {
				if p.Field != nil && p.Field.Spec != nil {
					specs[p.Field.Spec] = true
				}
			}
			if !specs[n] {
				add("JoinedStr", n)
			}
		case *syntax.Comprehension:
			add("Comp", n)
		case *syntax.BinaryExpr:
			add("BinOp", n)
		case *syntax.CompareExpr:
			add("Compare", n)
		case *syntax.AwaitExpr:
			add("Await", n)
		case *syntax.IndexExpr, *syntax.SliceExpr:
			add("Subscript", n)
		case *syntax.LambdaExpr:
			add("Lambda", n)
		}
		return true
	})
	sort.Strings(out)
	return out
}

// TestPositionsMatchCPython checks the start and end of names, calls,
// attributes, constants, f-strings and other expressions against CPython's
// ast, over the scene corpus and the valid chunks.
func TestPositionsMatchCPython(t *testing.T) {
	py := python311(t)
	files, _ := filepath.Glob("../../testdata/corpus/*.py")
	files = append(files, validChunks(t, t.TempDir())...)
	out, err := exec.Command(py, append([]string{"testdata/cpython/positions.py"}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, _, _ := strings.Cut(line, "\t")
		want[name] = append(want[name], line)
	}
	checked := 0
	for _, file := range files {
		name := filepath.Base(file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := syntax.Parse(name, data)
		if err != nil {
			if len(want[name]) == 1 && strings.HasSuffix(want[name][0], "\tERR") {
				continue
			}
			t.Errorf("%s: CPython parses it, we do not: %v", file, err)
			continue
		}
		got := positions(name, f)
		w := want[name]
		sort.Strings(w)
		if strings.Join(got, "\n") != strings.Join(w, "\n") {
			t.Errorf("%s: positions differ from CPython's:\n%s", file, lineDiff(got, w))
		}
		checked++
	}
	if checked < 100 {
		t.Errorf("only %d files checked", checked)
	}
}

// lineDiff shows the lines only in got (-) or only in want (+).
func lineDiff(got, want []string) string {
	in := func(list []string) map[string]int {
		m := map[string]int{}
		for _, s := range list {
			m[s]++
		}
		return m
	}
	g, w := in(got), in(want)
	var b strings.Builder
	for _, s := range got {
		if w[s] == 0 {
			fmt.Fprintf(&b, "  - %s\n", s)
		}
	}
	for _, s := range want {
		if g[s] == 0 {
			fmt.Fprintf(&b, "  + %s\n", s)
		}
	}
	return b.String()
}

// TestBadScenesMatchCPython checks that where CPython itself refuses a bad
// scene, the scene's expected error is CPython's, line, column and words.
func TestBadScenesMatchCPython(t *testing.T) {
	py := python311(t)
	files, _ := filepath.Glob("../../testdata/bad/*.py")
	out, err := exec.Command(py, append([]string{"testdata/cpython/errors.py"}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, cpy, _ := strings.Cut(line, "\t")
		if cpy == "OK" {
			continue
		}
		refused++
		data, err := os.ReadFile(filepath.Join("../../testdata/bad", name))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if want := strings.TrimPrefix(first, "# want: "); want != cpy {
			t.Errorf("%s: want line says %q, CPython says %q", name, want, cpy)
		}
	}
	if refused < 40 {
		t.Errorf("CPython refused only %d bad scenes", refused)
	}
}

// scopes lists, for every function of a resolved file, the names it holds
// as local (L), cell (C) or free (F), in the format of
// testdata/cpython/scopes.py.
func scopes(name string, m *resolve.Module) []string {
	var out []string
	for _, fn := range m.Functions {
		if fn.Kind == resolve.ClassFunc {
			continue // scopes.py lists function scopes only
		}
		kind := fn.Name
		line := fn.Pos.Line
		switch d := fn.Definition.(type) {
		case *syntax.DefStmt:
			line = d.Def.Line
		case *syntax.LambdaExpr:
			kind = "lambda"
		case *syntax.Comprehension:
			kind = strings.Trim(fn.Name, "<>")
		}
		var syms []string
		for _, b := range fn.Locals {
			tag := "L"
			if b.Scope == resolve.Cell {
				tag = "C"
			}
			syms = append(syms, b.Name+"="+tag)
		}
		for _, b := range fn.FreeVars {
			syms = append(syms, b.Name+"=F")
		}
		sort.Strings(syms)
		out = append(out, fmt.Sprintf("%s\t%s %d: %s", name, kind, line, strings.Join(syms, " ")))
	}
	sort.Strings(out)
	return out
}

// TestScopesMatchCPython checks the resolver's local/cell/free
// classification of every function against CPython's symtable.
func TestScopesMatchCPython(t *testing.T) {
	py := python311(t)
	files, _ := filepath.Glob("../../testdata/corpus/*.py")
	files = append(files, validChunks(t, t.TempDir())...)
	files = append(files, "testdata/scopes.py")
	out, err := exec.Command(py, append([]string{"testdata/cpython/scopes.py"}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, _, _ := strings.Cut(line, "\t")
		want[name] = append(want[name], line)
	}
	checked := 0
	for _, file := range files {
		name := filepath.Base(file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		errs, f := check(name, data)
		if len(errs) > 0 {
			continue
		}
		got := scopes(name, f.Module.(*resolve.Module))
		w := want[name]
		if strings.Join(got, "\n") != strings.Join(w, "\n") {
			t.Errorf("%s: scopes differ from CPython's:\n%s", file, lineDiff(got, w))
		}
		checked++
	}
	if checked < 100 {
		t.Errorf("only %d files checked", checked)
	}
}

// literals lists the value of every constant and the shape of every
// f-string, in the format of testdata/cpython/literals.py.
func literals(name string, f *syntax.File) []string {
	type item struct {
		pos syntax.Position
		s   string
	}
	var items []item
	hexOf := func(s string) string { return fmt.Sprintf("%x", s) }
	var fparts func(fs *syntax.FString) string
	fparts = func(fs *syntax.FString) string {
		var out []string
		for _, p := range fs.Parts {
			if p.Field == nil {
				out = append(out, "lit "+hexOf(p.Lit))
				continue
			}
			fd := p.Field
			conv := "-"
			if fd.Conversion != 0 {
				conv = string(fd.Conversion)
			}
			if fd.Debug != "" {
				// CPython 3.11 spells {x=} as the text "x=" then the field,
				// converted with !r unless a conversion or spec is given.
				if n := len(out); n > 0 && strings.HasPrefix(out[n-1], "lit ") {
					out[n-1] += hexOf(fd.Debug)
				} else {
					out = append(out, "lit "+hexOf(fd.Debug))
				}
				if fd.Conversion == 0 && fd.Spec == nil {
					conv = "r"
				}
			}
			spec := "nospec"
			if fd.Spec != nil {
				spec = "spec(" + fparts(fd.Spec) + ")"
			}
			out = append(out, "field "+conv+" "+spec)
		}
		return strings.Join(out, " ")
	}
	inner := map[syntax.Node]bool{}
	syntax.Walk(f, func(n syntax.Node) bool {
		if inner[n] {
			return true
		}
		if m, ok := n.(*syntax.MatchValue); ok && isSingleton(m) {
			return false // CPython's MatchSingleton holds no Constant
		}
		switch n := n.(type) {
		case *syntax.FString:
			for _, p := range n.Parts {
				if p.Field != nil && p.Field.Spec != nil {
					inner[p.Field.Spec] = true
				}
			}
			items = append(items, item{n.Start, "fstr " + fparts(n)})
		case *syntax.Literal:
			var s string
			switch v := n.Value.(type) {
			case int64:
				s = fmt.Sprintf("int %d", v)
			case *big.Int:
				s = "int " + v.String()
			case float64:
				s = "float " + pyFloatHex(v)
			case string:
				if n.Token == syntax.BYTES {
					s = "bytes " + hexOf(v)
				} else {
					s = "str " + hexOf(surrogatePass(v))
				}
			case bool:
				s = map[bool]string{true: "True", false: "False"}[v]
			case nil:
				s = map[syntax.Token]string{syntax.NONE: "None", syntax.ELLIPSIS: "Ellipsis"}[n.Token]
			}
			items = append(items, item{n.TokenPos, s})
		}
		return true
	})
	sort.SliceStable(items, func(i, j int) bool { return items[i].pos.Before(items[j].pos) })
	var out []string
	for _, it := range items {
		out = append(out, fmt.Sprintf("%s\t%d:%d %s", name, it.pos.Line, it.pos.Col-1, it.s))
	}
	return out
}

// pyFloatHex formats a float as Python's float.hex() does.
func pyFloatHex(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case f == 0:
		return "0x0.0p+0"
	}
	bits := math.Float64bits(f)
	exp := int(bits>>52&0x7ff) - 1023
	mant := bits & (1<<52 - 1)
	lead := 1
	if exp == -1023 { // subnormal
		lead, exp = 0, -1022
	}
	return fmt.Sprintf("0x%d.%013xp%+d", lead, mant, exp)
}

// TestLiteralsMatchCPython checks decoded string, bytes and number values
// and the parts of f-strings against CPython's ast.
func TestLiteralsMatchCPython(t *testing.T) {
	py := python311(t)
	files, _ := filepath.Glob("../../testdata/corpus/*.py")
	files = append(files, validChunks(t, t.TempDir())...)
	files = append(files, "testdata/literals.py")
	out, err := exec.Command(py, append([]string{"testdata/cpython/literals.py"}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, _, _ := strings.Cut(line, "\t")
		want[name] = append(want[name], line)
	}
	for _, file := range files {
		name := filepath.Base(file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := syntax.Parse(name, data)
		if err != nil {
			continue
		}
		got := literals(name, f)
		if strings.Join(got, "\n") != strings.Join(want[name], "\n") {
			t.Errorf("%s: literals differ from CPython's:\n%s", file, lineDiff(got, want[name]))
		}
	}
}

// flags lists every function of a resolved file with its kind, in the
// format of testdata/cpython/flags.py.
func flags(name string, m *resolve.Module) []string {
	var out []string
	for _, fn := range m.Functions {
		kind := "plain"
		switch {
		case fn.Async && fn.Generator:
			kind = "async_generator"
		case fn.Async:
			kind = "coroutine"
		case fn.Generator:
			kind = "generator"
		}
		out = append(out, fmt.Sprintf("%s\t%s %d %s", name, fn.Name, fn.Definition.Pos().Line, kind))
	}
	sort.Strings(out)
	return out
}

// TestFlagsMatchCPython checks which functions are coroutines, generators
// and async generators (Function.Async, Function.Generator) against the
// flags of CPython's code objects.
func TestFlagsMatchCPython(t *testing.T) {
	py := python311(t)
	files, _ := filepath.Glob("../../testdata/corpus/*.py")
	files = append(files, validChunks(t, t.TempDir())...)
	files = append(files, "testdata/scopes.py")
	out, err := exec.Command(py, append([]string{"testdata/cpython/flags.py"}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, _, _ := strings.Cut(line, "\t")
		want[name] = append(want[name], line)
	}
	for _, file := range files {
		name := filepath.Base(file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		errs, f := check(name, data)
		if len(errs) > 0 {
			continue
		}
		got := flags(name, f.Module.(*resolve.Module))
		if strings.Join(got, "\n") != strings.Join(want[name], "\n") {
			t.Errorf("%s: function kinds differ from CPython's:\n%s", file, lineDiff(got, want[name]))
		}
	}
}

// isSingleton reports whether a value pattern is None, True or False,
// which CPython's ast holds as a MatchSingleton (a value, not a node).
func isSingleton(m *syntax.MatchValue) bool {
	lit, ok := m.Value.(*syntax.Literal)
	return ok && (lit.Token == syntax.NONE || lit.Token == syntax.TRUE || lit.Token == syntax.FALSE)
}

// surrogatePass is CPython's str.encode("utf-8", "surrogatepass") of a
// scanned str: the stand-ins of lone surrogates as their 3-byte forms.
func surrogatePass(s string) string {
	var b []byte
	for _, r := range s {
		if !syntax.IsSurrogate(r) {
			b = utf8.AppendRune(b, r)
			continue
		}
		c := syntax.CodePoint(r)
		b = append(b, byte(0xe0|c>>12), byte(0x80|(c>>6)&0x3f), byte(0x80|c&0x3f))
	}
	return string(b)
}
