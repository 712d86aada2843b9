// Package site builds and serves the playground: it compiles the
// WebAssembly module (cached by a hash of its inputs), compresses it once
// per build, assembles the page with the scene library and its notes
// (markdown, checked here, rendered in the browser by the module), and
// serves or writes the result. The server serves only the files
// it assembled, from memory, so no request can reach the file system.
package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"loopscope/internal/stagefont"
	"loopscope/scenes/playback"
)

// Module is a built WebAssembly module, its compressed forms and the
// wasm_exec.js of the Go that built it, all in one cache directory.
type Module struct {
	Dir    string // the cache directory holding main.wasm(.gz, .br) and wasm_exec.js
	Hash   string // the hash of the inputs (hex)
	Cached bool   // the module came from the cache, nothing was rebuilt
}

// Cached file names inside Module.Dir.
const (
	WasmName     = "main.wasm"
	WasmExecName = "wasm_exec.js"
	doneName     = "complete"
)

// Path returns the path of a file in the module's directory.
func (m *Module) Path(name string) string { return filepath.Join(m.Dir, name) }

// FindRoot returns the loopscope module's root: dir or the nearest parent
// holding a go.mod that declares "module loopscope".
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			if first, _, _ := strings.Cut(string(b), "\n"); strings.TrimSpace(first) == "module loopscope" {
				return d, nil
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no loopscope source tree at or above %s (run loopscope from its clone)", dir)
		}
		d = parent
	}
}

// goTool returns the go command to build with: the one in $GOROOT/bin when
// GOROOT is set (as `go run` sets it for the program it runs), else the
// one on PATH.
func goTool() string {
	if root := os.Getenv("GOROOT"); root != "" {
		p := filepath.Join(root, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}

// Experiment is the GOEXPERIMENT setting the module is built with when
// the toolchain knows it: Go 1.26's earlier garbage collector instead of
// Green Tea, whose span scanning is 9.8 KB more of the gzipped module
// and whose gains come from marking on several cores, which a page's
// WebAssembly does not have. Go 1.27 is to drop the setting; its
// toolchain then refuses it and BuildEnv leaves it out.
const Experiment = "nogreenteagc"

// BuildEnv returns the environment to build the module in: the js/wasm
// target, with Experiment added to GOEXPERIMENT when goCmd accepts it.
func BuildEnv(goCmd string) []string {
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	exp := Experiment
	if cur := os.Getenv("GOEXPERIMENT"); cur != "" {
		exp = cur + "," + exp
	}
	cmd := exec.Command(goCmd, "env", "GOEXPERIMENT")
	cmd.Env = append(env, "GOEXPERIMENT="+exp)
	if err := cmd.Run(); err != nil {
		return env
	}
	return cmd.Env
}

// goEnv returns `go env` values for the js/wasm target.
func goEnv(goCmd string, names ...string) ([]string, error) {
	cmd := exec.Command(goCmd, append([]string{"env"}, names...)...)
	cmd.Env = BuildEnv(goCmd)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	vals := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(vals) != len(names) {
		return nil, fmt.Errorf("go env: want %d values, got %q", len(names), out)
	}
	return vals, nil
}

// InputHash hashes everything the module is built from: the toolchain's
// version, every Go file of the source tree, go.mod, go.sum and every file
// under scenes/ (the embedded library). Hidden directories, .cache, dist
// and testdata are left out, and so are Go test files, which no build
// compiles: editing a test does not rebuild the module.
func InputHash(root, goVersion string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "loopscope module v1\n%s\n", goVersion)
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		name := d.Name()
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(name, ".") || name == "dist" || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if strings.HasSuffix(name, "_test.go") {
			return nil
		}
		if strings.HasSuffix(name, ".go") || rel == "go.mod" || rel == "go.sum" || strings.HasPrefix(rel, "scenes/") {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	slices.Sort(files)
	for _, rel := range files {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", rel, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// GCFlags are the compiler flags the module is built with. Inlining is
// off (-l) except in the Go runtime and Ebiten's per-frame drawing path:
// inlined copies are a large share of the module (with them it is 4.07 MB
// gzipped, without them 3.46 MB), and the page does not feel the
// difference. Measured with scripts/bench-page, three rounds interleaved,
// medians, with and without these flags: the 1,000-task scene simulates in
// 0.96 s and 0.99 s, plays at 15.7 and 15.2 fps, and the first frame comes
// 2.39 s and 2.41 s after navigation. Natively the engine runs 10-15%
// slower without inlining, but the command line is not built with these
// flags. Ebiten's shader compiler runs once at start-up, so it goes
// without inlining too. For a package matching several patterns the last
// one wins.
//
// The runtime's internal packages (internal/...) lost their inlining in
// session 4 to bring the module under its budget again: 27.6 KB gzipped
// less, for 15% more engine time natively (a 3,000-task scene, user CPU
// medians of six runs on a loaded machine: 0.44 s -> 0.51 s). The runtime
// itself is the next lever, and a dear one: 39 KB less, 40% more engine
// time (0.62 s).
//
// Open-coded defers are off too (-d=noopendefer) where inlining is:
// each function's deferred calls are then made by the runtime instead of
// being copied to every return, 9.4 KB less gzipped. A run defers once
// per coroutine resume and per container repr, not per bytecode. The
// command line built for js/wasm with the module's flags, with and
// without these and Experiment, run by Node (one thread, as on the page),
// interleaved, CPU medians on a loaded machine: a CPU-bound scene with
// 3,000 tasks 5.46 s and 5.51 s (five runs, start-up included), the
// 100,000-task gather 12.3 s and 12.6 s (three runs).
var GCFlags = []string{
	"-gcflags=all=-l -d=noopendefer",
	"-gcflags=runtime=",
	"-gcflags=github.com/hajimehoshi/ebiten/v2/...=",
	"-gcflags=github.com/hajimehoshi/ebiten/v2/internal/shader...=-l -d=noopendefer",
}

// BuildModule builds the module from the source tree at root into
// root/.cache/wasm/HASH, unless a complete build with the same input hash is
// already there. Progress lines go to log.
func BuildModule(root string, log io.Writer) (*Module, error) {
	goCmd := goTool()
	env, err := goEnv(goCmd, "GOROOT", "GOVERSION")
	if err != nil {
		return nil, err
	}
	goroot, goVersion := env[0], env[1]
	hash, err := InputHash(root, goVersion+" "+goroot)
	if err != nil {
		return nil, fmt.Errorf("hashing the sources: %w", err)
	}
	cacheRoot := filepath.Join(root, ".cache", "wasm")
	m := &Module{Dir: filepath.Join(cacheRoot, hash[:20]), Hash: hash}
	if _, err := os.Stat(m.Path(doneName)); err == nil {
		m.Cached = true
		return m, nil
	}
	fmt.Fprintf(log, "building the WebAssembly module with %s (a first build takes about 30 s)\n", goVersion)
	if err := os.RemoveAll(m.Dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(m.Dir, 0o755); err != nil {
		return nil, err
	}
	overlay, err := StageOverlay(root, goCmd, filepath.Join(m.Dir, "stage"), log)
	if err != nil {
		return nil, err
	}
	ebiten, err := PatchedEbiten(root, goCmd, filepath.Join(root, ".cache"))
	if err != nil {
		return nil, fmt.Errorf("making Ebiten's copy without text/template: %w", err)
	}
	modfile, err := EbitenModFile(root, m.Dir, ebiten)
	if err != nil {
		return nil, err
	}
	args := append([]string{"build", "-trimpath", "-modfile=" + modfile, "-ldflags=-s -w", "-overlay=" + overlay, "-tags=" + StageTag}, GCFlags...)
	cmd := exec.Command(goCmd, append(args, "-o", m.Path(WasmName), "./wasm")...)
	cmd.Dir = root
	cmd.Env = BuildEnv(goCmd)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("GOOS=js GOARCH=wasm go build ./wasm: %w\n%s", err, strings.TrimSpace(stderr.String()))
	}
	if err := copyFile(filepath.Join(goroot, "lib", "wasm", WasmExecName), m.Path(WasmExecName)); err != nil {
		return nil, fmt.Errorf("wasm_exec.js from the Go that built the module: %w", err)
	}
	raw, err := os.ReadFile(m.Path(WasmName))
	if err != nil {
		return nil, err
	}
	if packed, err := PackData(raw, DataGap); err != nil {
		// Served as built: larger, still correct.
		fmt.Fprintf(log, "loopscope: left the module's data section as the linker wrote it: %v\n", err)
	} else {
		raw = packed
		if err := os.WriteFile(m.Path(WasmName), raw, 0o644); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(log, "compressing the module (%.1f MB)\n", float64(len(raw))/1e6)
	gz, br := Compress(raw)
	if err := os.WriteFile(m.Path(WasmName+".gz"), gz, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(m.Path(WasmName+".br"), br, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(m.Path(doneName), []byte(hash+"\n"), 0o644); err != nil {
		return nil, err
	}
	pruneCache(cacheRoot, filepath.Base(m.Dir), 3)
	return m, nil
}

// StageTag is the build tag under which wasm/stage draws with the font
// StageOverlay adds (without it, with Go Mono alone).
const StageTag = "stagefont"

// stageFontGo is the Go file the build adds to wasm/stage: it embeds the
// stage font beside it.
const stageFontGo = `//go:build js && wasm && stagefont

// Code generated by loopscope's module build (internal/site); DO NOT EDIT.

package stage

import _ "embed"

// stageTTF is internal/stagefont's font: Go Mono's glyphs and, from Noto
// Sans CJK, the runes of playback.StageRunes() that Go Mono lacks.
//
//go:embed stagefont.ttf
var stageTTF []byte

var stageFont = func() *ttf {
	f, err := parseTTF(stageTTF)
	if err != nil {
		panic(err)
	}
	return f
}()

func newGlyphFace(size float64) glyphFace { return stageFont.face(size) }
`

// StageOverlay makes the stage's font (internal/stagefont: Go Mono and the
// runes of playback.StageRunes() that Go Mono lacks) in dir, with the Go
// file that embeds it, and returns the path of an overlay file for
// `go build -overlay` that adds both to wasm/stage; build with the tag
// StageTag. The source tree stays as it is: a build without the overlay
// and the tag draws Go Mono only.
func StageOverlay(root, goCmd, dir string, log io.Writer) (string, error) {
	src, err := stagefont.Source(goCmd)
	if err != nil {
		return "", fmt.Errorf("the stage's font: %w", err)
	}
	runes := []rune(playback.StageRunes())
	ttf, err := stagefont.Make(src, runes, playback.Wide)
	if err != nil {
		return "", fmt.Errorf("the stage's font: %w", err)
	}
	fmt.Fprintf(log, "made the stage's font: Go Mono and %d Korean glyphs, %.1f KB\n", len(stagefont.Runes(string(runes))), float64(len(ttf))/1e3)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	stage, err := filepath.Abs(filepath.Join(root, "wasm", "stage"))
	if err != nil {
		return "", err
	}
	files := map[string][]byte{"stagefont.ttf": ttf, "stagefont.go": []byte(stageFontGo)}
	replace := map[string]string{}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return "", err
		}
		replace[filepath.Join(stage, name)] = filepath.Join(dir, name)
	}
	ov, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "overlay.json")
	return path, os.WriteFile(path, ov, 0o644)
}

// pruneCache removes all but the keep most recent builds, and never the
// current one.
func pruneCache(cacheRoot, current string, keep int) {
	entries, err := os.ReadDir(cacheRoot)
	if err != nil {
		return
	}
	type build struct {
		name string
		mod  int64
	}
	var builds []build
	for _, e := range entries {
		if info, err := e.Info(); err == nil && e.IsDir() && e.Name() != current {
			builds = append(builds, build{e.Name(), info.ModTime().UnixNano()})
		}
	}
	slices.SortFunc(builds, func(a, b build) int { return int(b.mod - a.mod) })
	for i, b := range builds {
		if i >= keep-1 {
			_ = os.RemoveAll(filepath.Join(cacheRoot, b.name))
		}
	}
}

// Compress returns data compressed with gzip -9 and with brotli, computed
// in parallel. Brotli runs at quality 9 with a 16 MB window: on this kind
// of machine quality 11 costs six times the time for 12% fewer bytes.
func Compress(data []byte) (gz, br []byte) {
	var wg sync.WaitGroup
	wg.Go(func() {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		_, _ = w.Write(data)
		_ = w.Close()
		gz = b.Bytes()
	})
	wg.Go(func() {
		var b bytes.Buffer
		w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: 9, LGWin: 24})
		_, _ = w.Write(data)
		_ = w.Close()
		br = b.Bytes()
	})
	wg.Wait()
	return gz, br
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}
