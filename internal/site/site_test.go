package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"

	"loopscope/scenes"
	"loopscope/scenes/notes"
)

// fakeModule writes a module directory as BuildModule leaves it, holding
// bytes that compress well, so the site can be assembled without a 30 s
// build.
func fakeModule(t testing.TB) (*Module, []byte) {
	t.Helper()
	dir := t.TempDir()
	raw := bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 loopscope "), 4000)
	gz, br := Compress(raw)
	for name, data := range map[string][]byte{
		WasmName: raw, WasmName + ".gz": gz, WasmName + ".br": br,
		WasmExecName: []byte("\"use strict\"; // wasm_exec.js\n" + strings.Repeat("globalThis.Go = class {};\n", 100)),
		doneName:     []byte("x\n"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return &Module{Dir: dir, Hash: strings.Repeat("ab", 32)}, raw
}

var testWeb = fstest.MapFS{
	"index.html":  {Data: []byte("<!doctype html><title>t</title>" + DataMarker + "<script src=app.js></script>")},
	"app.js":      {Data: []byte("console.log(1)")},
	"style.css":   {Data: []byte("body{}")},
	"favicon.svg": {Data: []byte("<svg/>")},
	"web.go":      {Data: []byte("package web")},
}

func newTestSite(t testing.TB) (*Site, []byte) {
	t.Helper()
	m, raw := fakeModule(t)
	s, err := New(testWeb, m)
	if err != nil {
		t.Fatal(err)
	}
	return s, raw
}

func get(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil) // the target as a client sends it, not cleaned
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServeModuleByEncoding(t *testing.T) {
	s, raw := newTestSite(t)
	for _, tc := range []struct {
		accept, want string
	}{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
		{"identity", ""},
	} {
		resp := get(t, s, "GET", "/main.wasm", map[string]string{"Accept-Encoding": tc.accept})
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%q: status %d", tc.accept, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Encoding"); got != tc.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, got, tc.want)
		}
		if got := resp.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("Content-Type %q", got)
		}
		if got := resp.Header.Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("Vary %q", got)
		}
		var dec []byte
		switch tc.want {
		case "br":
			dec, _ = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		case "gzip":
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			dec, _ = io.ReadAll(zr)
		default:
			dec = body
		}
		if !bytes.Equal(dec, raw) {
			t.Errorf("%q: the body does not decode to the module (%d bytes, want %d)", tc.accept, len(dec), len(raw))
		}
		if tc.want != "" && len(body) >= len(raw) {
			t.Errorf("%q: %d bytes sent for a %d-byte module", tc.accept, len(body), len(raw))
		}
	}
}

func TestServeRevalidates(t *testing.T) {
	s, _ := newTestSite(t)
	resp := get(t, s, "GET", "/main.wasm", map[string]string{"Accept-Encoding": "br"})
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	resp = get(t, s, "GET", "/main.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": etag})
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", resp.StatusCode)
	}
	if b, _ := io.ReadAll(resp.Body); len(b) != 0 || resp.Header.Get("Content-Encoding") != "" || resp.Header.Get("ETag") != etag {
		t.Errorf("304: %d bytes, Content-Encoding %q, ETag %q: want no body, no coding, the same ETag",
			len(b), resp.Header.Get("Content-Encoding"), resp.Header.Get("ETag"))
	}
	resp = get(t, s, "GET", "/main.wasm", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag})
	if resp.StatusCode != 200 {
		t.Errorf("a brotli ETag answered a gzip request with %d", resp.StatusCode)
	}
}

func TestServeContentTypesAndMethods(t *testing.T) {
	s, _ := newTestSite(t)
	for path, want := range map[string]string{
		"/":             "text/html; charset=utf-8",
		"/index.html":   "text/html; charset=utf-8",
		"/app.js":       "text/javascript; charset=utf-8",
		"/style.css":    "text/css; charset=utf-8",
		"/favicon.svg":  "image/svg+xml",
		"/wasm_exec.js": "text/javascript; charset=utf-8",
	} {
		resp := get(t, s, "GET", path, nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != want {
			t.Errorf("GET %s: %d %q, want 200 %q", path, resp.StatusCode, resp.Header.Get("Content-Type"), want)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", path)
		}
	}
	resp := get(t, s, "HEAD", "/app.js", nil)
	if b, _ := io.ReadAll(resp.Body); resp.StatusCode != 200 || len(b) != 0 || resp.Header.Get("Content-Length") != "14" {
		t.Errorf("HEAD: %d, %d bytes, Content-Length %q", resp.StatusCode, len(b), resp.Header.Get("Content-Length"))
	}
	if resp := get(t, s, "POST", "/", nil); resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func TestServeNothingOutsideTheSite(t *testing.T) {
	s, _ := newTestSite(t)
	for _, p := range []string{
		"/../go.mod", "/%2e%2e/go.mod", "/%2E%2E%2Fgo.mod", "/..%2fgo.mod", "/web.go", "/./index.html",
		"/index.html/", "//etc/passwd", "/main.wasm.br", "/.cache/", "/scenes/library.go", "/%00", "/index.html%00",
		"/..\\go.mod", "/nope",
	} {
		resp := get(t, s, "GET", p, nil)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, resp.StatusCode)
		}
	}
}

func TestServeOverTCP(t *testing.T) {
	// The raw request line reaches the handler as a real client sends it.
	s, _ := newTestSite(t)
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, p := range []string{"/../go.mod", "/%2e%2e/%2e%2e/go.mod", "/..%2f..%2fgo.mod"} {
		req, _ := http.NewRequest("GET", srv.URL, nil)
		req.URL.Opaque = p // keep the path unclean, as an attacker would send it
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound || bytes.Contains(body, []byte("module loopscope")) {
			t.Errorf("GET %s: %d %q", p, resp.StatusCode, body)
		}
	}
}

func TestPageData(t *testing.T) {
	s, raw := newTestSite(t)
	f, _ := s.File("index.html")
	page := string(f.Data)
	if strings.Contains(page, DataMarker) {
		t.Fatal("the data marker is still in the page")
	}
	start := strings.Index(page, `<script type="application/json" id="loopscope-data">`)
	end := strings.Index(page[start:], "</script>")
	if start < 0 || end < 0 {
		t.Fatalf("no data script in %q", page)
	}
	js := page[start+len(`<script type="application/json" id="loopscope-data">`) : start+end]
	var d PageData
	if err := json.Unmarshal([]byte(js), &d); err != nil {
		t.Fatal(err)
	}
	if d.Build.WasmSize != len(raw) || len(d.Build.Hash) != 64 {
		t.Errorf("build %+v", d.Build)
	}
	all := scenes.All()
	if len(d.Scenes) != len(all) {
		t.Fatalf("%d scenes in the page, %d in the library", len(d.Scenes), len(all))
	}
	for i, sd := range d.Scenes {
		if sd.ID != all[i].ID || sd.Source != all[i].Source || sd.Titles["ko"] != all[i].Titles["ko"] {
			t.Errorf("scene %d: %s", i, sd.ID)
		}
		if sd.Events < 10 {
			t.Errorf("%s: %d events", sd.ID, sd.Events)
		}
		for _, lang := range scenes.Languages {
			// The notes travel rendered, with the event each section starts at.
			want, err := notes.Render([]byte(all[i].Notes.In(lang)))
			if err != nil {
				t.Fatal(err)
			}
			got := sd.Notes[lang]
			if got.HTML != want.HTML || len(got.Sections) != len(want.Sections) || len(got.Sections) < 2 {
				t.Errorf("%s: notes in %s are not the scene's, rendered: %d sections, %.80q", sd.ID, lang, len(got.Sections), got.HTML)
				continue
			}
			if got.Sections[0] != (SectionData{ID: notes.IntroID, Start: 0}) {
				t.Errorf("%s in %s: first section %+v, want the introduction at event 0", sd.ID, lang, got.Sections[0])
			}
			for j, sec := range got.Sections[1:] {
				if sec.ID != want.Sections[j+1].ID || sec.When == "" || sec.When != want.Sections[j+1].When.String() || sec.Start >= sd.Events {
					t.Errorf("%s in %s: section %+v", sd.ID, lang, sec)
				}
			}
		}
	}
	if strings.Contains(js, "{when:") || strings.Contains(js, "{#") {
		t.Error("the page data carries markdown")
	}
	if strings.Contains(js, "</") {
		t.Error("the JSON could close its script element")
	}
	if _, ok := s.File("web.go"); ok {
		t.Error("Go source served as a page file")
	}
}

func TestDataChecksEveryNotesFile(t *testing.T) {
	scene := func(id, en, ko string) scenes.Scene {
		return scenes.Scene{ID: id, Titles: scenes.Text{"en": id, "ko": id}, Source: "print('hi')\nprint('there')\n", DefaultSpeed: 1,
			Notes: scenes.Text{"en": en, "ko": ko}}
	}
	good := "# A\n\nIntro.\n\n## Hi {#hi}\n{when: line 1}\ntext\n\n## There {#there}\n{when: print \"there\"}\n"
	d, err := data([]scenes.Scene{scene("01_a", good, good)}, 1, "h")
	if err != nil {
		t.Fatal(err)
	}
	var starts []int
	for _, sec := range d.Scenes[0].Notes["ko"].Sections {
		starts = append(starts, sec.Start)
	}
	// thread.new, the two prints, thread.end.
	if d.Scenes[0].Events != 4 || !slices.Equal(starts, []int{0, 1, 2}) || !strings.Contains(d.Scenes[0].Notes["ko"].HTML, `data-section="there"`) {
		t.Errorf("%d events, starts %v, html %q", d.Scenes[0].Events, starts, d.Scenes[0].Notes["ko"].HTML)
	}
	// Notes that do not follow the run fail the build, at the section's
	// heading (notes.Follow, as TestNotesFollowTheMoment checks the library).
	never := good + "\n## Never {#never}\n{when: line 9}\n"
	if _, err = data([]scenes.Scene{scene("01_a", good, never)}, 1, "h"); err == nil ||
		!strings.Contains(err.Error(), "01_a/notes.ko.md:12:1: section {#never} is never lit") {
		t.Errorf("err = %v, want one naming 01_a/notes.ko.md:12:1", err)
	}
	// A notes file that cannot be rendered fails the build, by name.
	_, err = data([]scenes.Scene{scene("01_a", good, good), scene("02_b", good, "## X {#await}\n{when: line 1}\n\n## Y {#await}\n{when: line 1}\n")}, 1, "h")
	if err == nil || !strings.Contains(err.Error(), "02_b/notes.ko.md") || !strings.Contains(err.Error(), `"await"`) {
		t.Errorf("err = %v, want one naming 02_b/notes.ko.md", err)
	}
	// So does a scene that does not run.
	bad := scene("03_c", good, good)
	bad.Source = "def f(:\n"
	if _, err = data([]scenes.Scene{bad}, 1, "h"); err == nil || !strings.Contains(err.Error(), "03_c/scene.py") {
		t.Errorf("err = %v, want one naming 03_c/scene.py", err)
	}
}

func TestWriteDir(t *testing.T) {
	s, raw := newTestSite(t)
	dir := t.TempDir()
	if err := s.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "app.js", "style.css", "favicon.svg", "wasm_exec.js", "main.wasm", "main.wasm.gz", "main.wasm.br"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "main.wasm"))
	if !bytes.Equal(got, raw) {
		t.Error("main.wasm differs")
	}
	// A plain static server (here Go's own) serves the directory as is.
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/main.wasm")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("static main.wasm: %q", resp.Header.Get("Content-Type"))
	}
}

func TestInputHash(t *testing.T) {
	root := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module loopscope\n")
	write("go.sum", "")
	write("wasm/main.go", "package main\n")
	write("scenes/01_a/scene.py", "import asyncio\n")
	h0, err := InputHash(root, "go1.26")
	if err != nil {
		t.Fatal(err)
	}
	same := func(why string, want bool) {
		t.Helper()
		h, err := InputHash(root, "go1.26")
		if err != nil {
			t.Fatal(err)
		}
		if (h == h0) != want {
			t.Errorf("%s: hash changed = %v", why, h != h0)
		}
		h0 = h
	}
	write(".cache/wasm/x/main.wasm", "built")
	write("dist/index.html", "out")
	write("README.md", "docs")
	write("web/style.css", "served, not compiled")
	write("wasm/main_test.go", "package main\n")
	write("internal/e2e/page_test.go", "package e2e\n")
	write("scenes/engine/run_test.go", "package engine\n")
	same("outputs, docs, page files and tests", true)
	write("wasm/main.go", "package main\n\nfunc main() {}\n")
	same("a Go file", false)
	write("scenes/01_a/notes.en.md", "# A\n")
	same("a scene's notes", false)
	write("go.sum", "x v1 h1:y\n")
	same("go.sum", false)
	if h, _ := InputHash(root, "go1.27"); h == h0 {
		t.Error("another Go version gives the same hash")
	}
	if r, err := FindRoot(filepath.Join(root, "wasm")); err != nil || r != root {
		t.Errorf("FindRoot = %q, %v", r, err)
	}
	if _, err := FindRoot(t.TempDir()); err == nil {
		t.Error("FindRoot found a root in an empty directory")
	}
}

func TestAcceptedEncodings(t *testing.T) {
	got := acceptedEncodings("gzip;q=0.5, BR , deflate;q=0, ,identity")
	if !got["gzip"] || !got["br"] || got["deflate"] || !got["identity"] || len(got) != 3 {
		t.Errorf("%v", got)
	}
}

func TestDataChecksEveryPrompt(t *testing.T) {
	scene := func(options ...string) scenes.Scene {
		notes := "# A\n\nIntro.\n\n## Hi {#hi}\n{when: print \"hi\"}\n\n## There {#there}\n{when: print \"there\"}\n"
		return scenes.Scene{ID: "01_a", Titles: scenes.Text{"en": "A", "ko": "A"}, DefaultSpeed: 1,
			Source: "print('0.0s  hi')\nprint('0.5s  there')\n", Notes: scenes.Text{"en": notes, "ko": notes},
			Prompt: &scenes.Prompt{Ask: "first", Question: scenes.Text{"en": "Which?", "ko": "어느 것?"}, Options: options}}
	}
	d, err := data([]scenes.Scene{scene("there", "hi")}, 1, "h")
	if err != nil {
		t.Fatal(err)
	}
	// The prompt travels as written: the page finds the answer in its run.
	if p := d.Scenes[0].Prompt; p == nil || !slices.Equal(p.Options, []string{"there", "hi"}) || p.Question["ko"] != "어느 것?" {
		t.Errorf("prompt %+v", p)
	}
	// An option the scene never prints fails the build, by name.
	if _, err = data([]scenes.Scene{scene("there", "hello")}, 1, "h"); err == nil || !strings.Contains(err.Error(), "01_a/predict.txt") || !strings.Contains(err.Error(), `"hello"`) {
		t.Errorf("err = %v, want one naming 01_a/predict.txt and the option", err)
	}
}
