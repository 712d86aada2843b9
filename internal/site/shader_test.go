package site

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// ebitenShaderFile reads builtinshader's file from the Ebiten module the
// build uses.
func ebitenShaderFile(t *testing.T) []byte {
	t.Helper()
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool(), "list", "-m", "-f", "{{.Dir}}", ebitenModule)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), builtinShaderFile))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// The replacement's ShaderSource returns exactly what Ebiten's template
// writes for each case, read back from the generated file's table; the
// file imports neither text/template nor anything it no longer uses, and
// keeps every other declaration of the original.
func TestBuiltinShaderSource(t *testing.T) {
	src := ebitenShaderFile(t)
	want, err := BuiltinShaders(src)
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[string]bool{}
	for f := range want {
		for a := range want[f] {
			for c := range want[f][a] {
				s := want[f][a][c]
				if !strings.Contains(s, "package main") || !strings.Contains(s, "func Fragment(") || strings.Contains(s, "{{") {
					t.Fatalf("case %d %d %d: %q", f, a, c, s)
				}
				if strings.Contains(s, "ColorMBody") != (c == 1) {
					t.Errorf("case %d %d %d: colour matrix %v", f, a, c, c == 1)
				}
				distinct[s] = true
			}
		}
	}
	if len(distinct) != 12 {
		t.Errorf("%d distinct sources, want 12", len(distinct))
	}
	gen, err := BuiltinShaderSource(src)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	g, err := parser.ParseFile(fset, "builtinshader.go", gen, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Imports) != 1 || g.Imports[0].Path.Value != `"sync"` {
		t.Errorf("imports %v, want sync alone", g.Imports)
	}
	table := findVar(g, "shaderSources")
	if table == nil {
		t.Fatal("no shaderSources")
	}
	var got []string
	ast.Inspect(table, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, s)
		}
		return true
	})
	i := 0
	for f := range want {
		for a := range want[f] {
			for c := range want[f][a] {
				if i >= len(got) || got[i] != want[f][a][c] {
					t.Fatalf("table entry %d (case %d %d %d) differs from the template's output", i, f, a, c)
				}
				i++
			}
		}
	}
	orig, err := parser.ParseFile(token.NewFileSet(), "shader.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	names := func(f *ast.File) map[string]bool {
		m := map[string]bool{}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				m[d.Name.Name] = true
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							m[n.Name] = true
						}
					case *ast.TypeSpec:
						m[s.Name.Name] = true
					}
				}
			}
		}
		return m
	}
	kept := names(g)
	for n := range names(orig) {
		if n != "tmpl" && !kept[n] {
			t.Errorf("the replacement lost %s", n)
		}
	}
	if findVar(g, "tmpl") != nil {
		t.Error("the replacement keeps the template")
	}
}

// A file not shaped as the generator expects stops the build with a
// message, not a wrong shader.
func TestBuiltinShaderSourceRefusesAnotherShape(t *testing.T) {
	src := string(ebitenShaderFile(t))
	for _, bad := range []string{
		strings.Replace(src, "const AddressCount = 3", "const AddressCount = 4", 1),
		strings.Replace(src, "var tmpl = template.Must(", "var tmpl2 = template.Must(", 1),
		strings.Replace(src, "FilterLinear\n)", "FilterLinear\n\tFilterPixelated\n)", 1),
	} {
		if _, err := BuiltinShaderSource([]byte(bad)); err == nil {
			t.Errorf("no error for a changed file")
		}
	}
}
