package site

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
)

// Ebiten (internal/builtinshader) writes the Kage source of its built-in
// shaders with text/template when a program starts. text/template calls
// reflect's MethodByName, and a Go binary that calls it keeps every
// exported method of every type it has, used or not: in the module that
// is about 450 KB gzipped, an eighth of it, for twelve strings that never
// change. So the module build runs Ebiten's own template here, natively,
// for every case, and adds a copy of builtinshader's file to the build
// (PatchedEbiten: a copy of the module with the file replaced) whose
// ShaderSource returns those strings. The copy is made from the file of the Ebiten version
// go.mod pins, and the build stops, naming this file, when that file is
// not shaped as expected (a new Ebiten version).

// ebitenModule is the module, and builtinShaderFile the file in it, that
// the build replaces.
const (
	ebitenModule      = "github.com/hajimehoshi/ebiten/v2"
	builtinShaderFile = "internal/builtinshader/shader.go"
)

// shaderExpect is what the generator relies on in builtinshader's file:
// the cases' constants, in this order, and the template's data.
var shaderExpect = []string{
	"FilterNearest Filter = iota\n\tFilterLinear\n)",
	"const FilterCount = 2\n",
	"AddressUnsafe Address = iota\n\tAddressClampToZero\n\tAddressRepeat\n)",
	"const AddressCount = 3\n",
	"shaders  [FilterCount][AddressCount][2][]byte",
	"if err := tmpl.Execute(&buf, struct {",
}

// shaderData is the template's data, as ShaderSource gives it.
type shaderData struct {
	Filter, FilterNearest, FilterLinear                       int
	Address, AddressUnsafe, AddressClampToZero, AddressRepeat int
	UseColorM                                                 bool
}

// PatchedEbiten returns a copy of the Ebiten module the build in root
// uses, with builtinshader's file replaced (BuiltinShaderSource), made once
// per Ebiten version under cacheRoot. The build points at it with a
// replace directive in a go.mod of its own (EbitenModFile): the go command
// refuses an overlay for a file in the module cache.
func PatchedEbiten(root, goCmd, cacheRoot string) (string, error) {
	cmd := exec.Command(goCmd, "list", "-m", "-f", "{{.Dir}} {{.Version}}", ebitenModule)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("finding %s: %w", ebitenModule, err)
	}
	orig, version, ok := strings.Cut(strings.TrimSpace(string(out)), " ")
	if !ok || orig == "" {
		return "", fmt.Errorf("finding %s: go list says %q", ebitenModule, out)
	}
	dir := filepath.Join(cacheRoot, "ebiten-"+version)
	done := filepath.Join(dir, ".loopscope-done")
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}
	src, err := os.ReadFile(filepath.Join(orig, builtinShaderFile))
	if err != nil {
		return "", err
	}
	gen, err := BuiltinShaderSource(src)
	if err != nil {
		return "", fmt.Errorf("%s: %w (internal/site/shader.go expects Ebiten v2.8's file)", filepath.Join(orig, builtinShaderFile), err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	// The module's files, without its examples and tests.
	err = filepath.WalkDir(orig, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(orig, path)
		if d.IsDir() {
			if rel == "examples" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		if strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if rel == filepath.FromSlash(builtinShaderFile) {
			b = gen
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("copying %s: %w", ebitenModule, err)
	}
	return dir, os.WriteFile(done, []byte(version+"\n"), 0o644)
}

// EbitenModFile writes, in dir, a copy of root's go.mod that replaces
// Ebiten with the copy at ebiten, and its go.sum, and returns the go.mod's
// path for go build's -modfile.
func EbitenModFile(root, dir, ebiten string) (string, error) {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return "", err
	}
	mod = fmt.Appendf(mod, "\nreplace %s => %s\n", ebitenModule, ebiten)
	path := filepath.Join(dir, "build.mod")
	if err := os.WriteFile(path, mod, 0o644); err != nil {
		return "", err
	}
	return path, os.WriteFile(filepath.Join(dir, "build.sum"), sum, 0o644)
}

// BuiltinShaders runs the template of builtinshader's file src for every
// filter, address and colour-matrix case, indexed as its shaders cache.
func BuiltinShaders(src []byte) (out [2][3][2]string, err error) {
	for _, want := range shaderExpect {
		if !bytes.Contains(src, []byte(want)) {
			return out, fmt.Errorf("no %q", want)
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "shader.go", src, 0)
	if err != nil {
		return out, err
	}
	text, err := templateText(f)
	if err != nil {
		return out, err
	}
	tmpl, err := template.New("tmpl").Parse(text)
	if err != nil {
		return out, err
	}
	for filter := range 2 {
		for address := range 3 {
			for c := range 2 {
				var b bytes.Buffer
				d := shaderData{Filter: filter, FilterNearest: 0, FilterLinear: 1, Address: address, AddressUnsafe: 0, AddressClampToZero: 1, AddressRepeat: 2, UseColorM: c == 1}
				if err := tmpl.Execute(&b, d); err != nil {
					return out, err
				}
				out[filter][address][c] = b.String()
			}
		}
	}
	return out, nil
}

// templateText finds `var tmpl = template.Must(template.New(...).Parse(TEXT))`.
func templateText(f *ast.File) (string, error) {
	spec := findVar(f, "tmpl")
	if spec == nil || len(spec.Values) != 1 {
		return "", errors.New("no var tmpl")
	}
	must, ok := spec.Values[0].(*ast.CallExpr)
	if !ok || len(must.Args) != 1 {
		return "", errors.New("var tmpl is not template.Must(...)")
	}
	parse, ok := must.Args[0].(*ast.CallExpr)
	if !ok || len(parse.Args) != 1 {
		return "", errors.New("var tmpl is not template.Must(template.New(...).Parse(...))")
	}
	lit, ok := parse.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", errors.New("the template is not a string literal")
	}
	return strconv.Unquote(lit.Value)
}

// findVar returns the spec of the package-level var name.
func findVar(f *ast.File, name string) *ast.ValueSpec {
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, s := range g.Specs {
				if vs := s.(*ast.ValueSpec); len(vs.Names) == 1 && vs.Names[0].Name == name {
					return vs
				}
			}
		}
	}
	return nil
}

// BuiltinShaderSource returns builtinshader's file src without its
// template: ShaderSource returns the sources BuiltinShaders made, and
// the file imports what it still uses.
func BuiltinShaderSource(src []byte) ([]byte, error) {
	shaders, err := BuiltinShaders(src)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "shader.go", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	type cut struct {
		from, to int
		with     string
	}
	var cuts []cut
	var tmplDecl, importDecl *ast.GenDecl
	var fn *ast.FuncDecl
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				importDecl = d
			}
			if d.Tok == token.VAR && len(d.Specs) == 1 && d.Specs[0].(*ast.ValueSpec).Names[0].Name == "tmpl" {
				tmplDecl = d
			}
		case *ast.FuncDecl:
			if d.Name.Name == "ShaderSource" && d.Recv == nil {
				fn = d
			}
		}
	}
	if tmplDecl == nil || importDecl == nil || fn == nil {
		return nil, errors.New("no import, var tmpl or func ShaderSource")
	}
	var table strings.Builder
	table.WriteString("\n\n// shaderSources are the template's output for every case, made when\n// loopscope's module was built.\nvar shaderSources = [FilterCount][AddressCount][2]string{\n")
	for _, byAddress := range shaders {
		table.WriteString("\t{\n")
		for _, byColorM := range byAddress {
			fmt.Fprintf(&table, "\t\t{%s, %s},\n", strconv.Quote(byColorM[0]), strconv.Quote(byColorM[1]))
		}
		table.WriteString("\t},\n")
	}
	table.WriteString("}")
	body := `{
	shadersM.Lock()
	defer shadersM.Unlock()

	var c int
	if useColorM {
		c = 1
	}
	if s := shaders[filter][address][c]; s != nil {
		return s
	}
	b := []byte(shaderSources[filter][address][c])
	shaders[filter][address][c] = b
	return b
}`
	cuts = append(cuts,
		cut{off(importDecl.Pos()), off(importDecl.End()), `import "sync"`},
		cut{off(tmplDecl.Pos()), off(tmplDecl.End()), strings.TrimPrefix(table.String(), "\n\n")},
		cut{off(fn.Body.Pos()), off(fn.Body.End()), body},
	)
	var out []byte
	at := 0
	for _, c := range cuts {
		if c.from < at {
			return nil, errors.New("the import, var tmpl and ShaderSource are not in that order")
		}
		out = append(out, src[at:c.from]...)
		out = append(out, c.with...)
		at = c.to
	}
	out = append(out, src[at:]...)
	out = append([]byte("// Code generated by loopscope's module build (internal/site/shader.go) from Ebiten's file; DO NOT EDIT.\n\n"), out...)
	formatted, err := format.Source(out)
	if err != nil {
		return nil, fmt.Errorf("the replacement does not parse: %w", err)
	}
	// The rest of the file must not need what it no longer imports.
	g, err := parser.ParseFile(token.NewFileSet(), "builtinshader.go", formatted, 0)
	if err != nil {
		return nil, err
	}
	ast.Inspect(g, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && (x.Name == "bytes" || x.Name == "fmt" || x.Name == "template") && err == nil {
				err = fmt.Errorf("the file uses %s.%s outside ShaderSource", x.Name, sel.Sel.Name)
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return formatted, nil
}
