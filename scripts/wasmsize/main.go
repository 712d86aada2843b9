// Command wasmsize prints where the playground's WebAssembly module spends
// its bytes: each section, and the code section split by Go package (from
// the module's name section), largest first, raw and gzip -9. It builds the
// module as `go run . build` does (the same site.GCFlags and BuildEnv,
// Ebiten's copy from site.PatchedEbiten, the stage's font by
// site.StageOverlay, the data section packed by site.PackData), but keeps
// the name section.
//
// With -funcs FILE it also writes every function's size and name to FILE,
// one a line, largest first: two such lists, sorted and joined, say what a
// change added or removed.
//
//	go run ./scripts/wasmsize [-n 40] [-module path.wasm] [-funcs FILE]
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"loopscope/internal/site"
)

func main() {
	n := flag.Int("n", 40, "packages to list")
	module := flag.String("module", "", "an existing module built without -s (default: build ./wasm)")
	funcs := flag.String("funcs", "", "write each function's size and name to this file")
	flag.Parse()
	if err := run(*module, *n, *funcs); err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

func run(path string, n int, funcs string) error {
	if path == "" {
		dir, err := os.MkdirTemp("", "wasmsize")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "main.wasm")
		overlay, err := site.StageOverlay(".", "go", filepath.Join(dir, "stage"), io.Discard)
		if err != nil {
			return err
		}
		root, err := filepath.Abs(".")
		if err != nil {
			return err
		}
		ebiten, err := site.PatchedEbiten(root, "go", filepath.Join(root, ".cache"))
		if err != nil {
			return err
		}
		modfile, err := site.EbitenModFile(root, dir, ebiten)
		if err != nil {
			return err
		}
		args := append([]string{"build", "-trimpath", "-modfile=" + modfile, "-ldflags=-w", "-overlay=" + overlay, "-tags=" + site.StageTag}, site.GCFlags...)
		cmd := exec.Command("go", append(args, "-o", path, "./wasm")...)
		cmd.Env = site.BuildEnv("go")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("GOOS=js GOARCH=wasm go build ./wasm: %w", err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if packed, err := site.PackData(data, site.DataGap); err == nil {
		data = packed // as served
	}
	m, err := parse(data)
	if err != nil {
		return err
	}
	fmt.Printf("%-28s %10s %10s\n", "section", "bytes", "gzip -9")
	for _, s := range m.sections {
		fmt.Printf("%-28s %10d %10d\n", s.name, len(s.body), gz(s.body))
	}
	fmt.Printf("%-28s %10d  (gzip -9 %d)\n\n", "total", len(data), gz(data))

	type pkg struct {
		name     string
		raw, fns int
		code     bytes.Buffer
	}
	pkgs := map[string]*pkg{}
	for i, body := range m.bodies {
		name := m.names[uint32(m.imports+i)]
		p := pkgs[pkgOf(name)]
		if p == nil {
			p = &pkg{name: pkgOf(name)}
			pkgs[p.name] = p
		}
		p.raw += len(body)
		p.fns++
		p.code.Write(body)
	}
	if funcs != "" {
		if err := writeFuncs(funcs, m); err != nil {
			return err
		}
	}
	list := make([]*pkg, 0, len(pkgs))
	for _, p := range pkgs {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].raw > list[j].raw })
	fmt.Printf("%-60s %6s %10s %10s\n", "package (code section)", "funcs", "bytes", "gzip -9")
	var rest, restFns int
	for i, p := range list {
		if i >= n {
			rest += p.raw
			restFns += p.fns
			continue
		}
		fmt.Printf("%-60s %6d %10d %10d\n", p.name, p.fns, p.raw, gz(p.code.Bytes()))
	}
	if rest > 0 {
		fmt.Printf("%-60s %6d %10d\n", fmt.Sprintf("(%d more)", len(list)-n), restFns, rest)
	}
	return nil
}

// writeFuncs writes each function's code size and name to path, one a
// line, largest first.
func writeFuncs(path string, m *module) error {
	type fn struct {
		name string
		size int
	}
	fns := make([]fn, len(m.bodies))
	for i, body := range m.bodies {
		fns[i] = fn{m.names[uint32(m.imports+i)], len(body)}
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].size > fns[j].size })
	var b bytes.Buffer
	for _, f := range fns {
		fmt.Fprintf(&b, "%d %s\n", f.size, f.name)
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// pkgOf is the package of a symbol in the name section, where Go writes
// "loopscope/scenes/python/py.(*VM).run" as
// "loopscope_scenes_python_py.__VM_.run": the package is everything before
// the first dot, except the dots of a leading domain such as github.com.
// Type equality functions ("type_.eq.T") count as their own package.
func pkgOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	start := 0
	for _, domain := range []string{"github.com_", "golang.org_", "gopkg.in_", "honnef.co_"} {
		if strings.HasPrefix(sym, domain) {
			start = len(domain)
		}
	}
	dot := strings.IndexByte(sym[start:], '.')
	if dot < 0 {
		return sym
	}
	return sym[:start+dot]
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

type section struct {
	name string
	body []byte
}

type module struct {
	sections []section
	imports  int // imported functions come first in the function index space
	bodies   [][]byte
	names    map[uint32]string
}

var errShort = errors.New("truncated module")

type reader struct {
	b []byte
	i int
}

func (r *reader) uleb() (uint64, error) {
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 {
		return 0, errShort
	}
	r.i += n
	return v, nil
}

func (r *reader) bytes(n uint64) ([]byte, error) {
	if uint64(len(r.b)-r.i) < n {
		return nil, errShort
	}
	b := r.b[r.i : r.i+int(n)]
	r.i += int(n)
	return b, nil
}

func (r *reader) name() (string, error) {
	n, err := r.uleb()
	if err != nil {
		return "", err
	}
	b, err := r.bytes(n)
	return string(b), err
}

var sectionNames = []string{"custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"}

func parse(data []byte) (*module, error) {
	secs, err := site.Sections(data)
	if err != nil {
		return nil, err
	}
	m := &module{names: map[uint32]string{}}
	for _, sec := range secs {
		id, body := sec.ID, sec.Body
		name := fmt.Sprintf("id %d", id)
		if int(id) < len(sectionNames) {
			name = sectionNames[id]
		}
		s := &reader{b: body}
		switch id {
		case 0:
			cn, err := s.name()
			if err != nil {
				return nil, err
			}
			name = "custom " + cn
			if cn == "name" {
				if err := m.parseNames(s); err != nil {
					return nil, err
				}
			}
		case 2:
			if err := m.parseImports(s); err != nil {
				return nil, err
			}
		case 10:
			count, err := s.uleb()
			if err != nil {
				return nil, err
			}
			for range count {
				n, err := s.uleb()
				if err != nil {
					return nil, err
				}
				b, err := s.bytes(n)
				if err != nil {
					return nil, err
				}
				m.bodies = append(m.bodies, b)
			}
		}
		m.sections = append(m.sections, section{name, body})
	}
	return m, nil
}

func (m *module) parseImports(s *reader) error {
	count, err := s.uleb()
	if err != nil {
		return err
	}
	for range count {
		if _, err := s.name(); err != nil {
			return err
		}
		if _, err := s.name(); err != nil {
			return err
		}
		kind := s.b[s.i]
		s.i++
		switch kind {
		case 0: // function: type index
			m.imports++
			_, err = s.uleb()
		case 1: // table: elemtype, limits
			s.i++
			err = limits(s)
		case 2:
			err = limits(s)
		case 3: // global: valtype, mut
			s.i += 2
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func limits(s *reader) error {
	flag := s.b[s.i]
	s.i++
	if _, err := s.uleb(); err != nil {
		return err
	}
	if flag&1 != 0 {
		_, err := s.uleb()
		return err
	}
	return nil
}

func (m *module) parseNames(s *reader) error {
	for s.i < len(s.b) {
		id := s.b[s.i]
		s.i++
		size, err := s.uleb()
		if err != nil {
			return err
		}
		sub, err := s.bytes(size)
		if err != nil {
			return err
		}
		if id != 1 { // function names
			continue
		}
		f := &reader{b: sub}
		count, err := f.uleb()
		if err != nil {
			return err
		}
		for range count {
			idx, err := f.uleb()
			if err != nil {
				return err
			}
			nm, err := f.name()
			if err != nil {
				return err
			}
			m.names[uint32(idx)] = nm
		}
	}
	return nil
}
