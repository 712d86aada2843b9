package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/mistakes"
	"loopscope/scenes/notes"
)

// DataMarker is the comment in index.html that New replaces with the page's
// data: the scene library with its notes (rendered, with the event each
// section starts at) and facts about the build.
const DataMarker = "<!--loopscope:data-->"

// File is one file of the site, with its precompressed forms when they
// are smaller.
type File struct {
	Name   string // path inside the site, e.g. "main.wasm"
	Type   string // Content-Type
	Data   []byte
	Gzip   []byte // nil when not worth it
	Brotli []byte // nil when not worth it
	etag   string
}

// Site is the playground as a set of files held in memory.
type Site struct {
	files map[string]*File
}

// PageData is what the page learns from the server before the module
// loads: it is embedded in index.html as JSON.
type PageData struct {
	Build  BuildInfo   `json:"build"`
	Scenes []SceneData `json:"scenes"`
	// Mistakes are the words of each mistake the page points out, by its
	// kind ("blocking") and language; {arg} stands for what the module's
	// run names (mistakes.Kind.Messages).
	Mistakes map[string]scenes.Text `json:"mistakes"`
}

// BuildInfo describes the module the page is about to load.
type BuildInfo struct {
	Hash     string `json:"hash"`     // the module's input hash
	WasmSize int    `json:"wasmSize"` // bytes of main.wasm, uncompressed (the progress bar's 100%)
}

// SceneData is one scene as the page needs it.
type SceneData struct {
	ID     string               `json:"id"`
	Titles scenes.Text          `json:"titles"` // by language: a teacher's scene may have one only
	Source string               `json:"source"`
	Speed  float64              `json:"speed"`
	Events int                  `json:"events"`           // the events of the scene's run, which the notes' moments count
	Notes  map[string]NotesData `json:"notes"`            // by language: a teacher's scene may have one only
	Course bool                 `json:"course,omitempty"` // a teacher's scene (build -scenes), not a built-in one
	Prompt *scenes.Prompt       `json:"prompt,omitempty"`
}

// NotesData is a scene's notes in one language, rendered when the site is
// built: the page shows the HTML as it comes (raw HTML in the markdown is
// dropped) and lights the section that explains the event on screen.
type NotesData struct {
	HTML     string        `json:"html"`
	Sections []SectionData `json:"sections"` // in document order, the introduction first
}

// SectionData is one section of the notes and the event it starts at in
// the scene's run: the page lights, at each event, the section that
// started last (notes.Lit).
type SectionData struct {
	ID    string `json:"id"`
	When  string `json:"when,omitempty"` // its {when: ...} rule, as the notes say it
	Start int    `json:"start"`          // the event it starts at; -1: none in this run
}

// Data gathers the page's data: every built-in scene, then a teacher's
// own (course, from scenes.LoadCourse), each with its notes in each
// language, rendered, and the event each section starts at. Every scene
// is checked as the page will play it: it runs within the page's budgets
// (the same engine the page's module runs, so the page plays the same
// events), and its notes follow the run (notes.Follow), telling the same
// story in both languages when written in both. A scene that fails fails
// the build, with a message naming the file, and the line and column
// where there are some.
func Data(wasmSize int, hash string, course ...scenes.Scene) (*PageData, error) {
	library, err := scenes.WithCourse(course)
	if err != nil {
		return nil, err
	}
	return data(library, wasmSize, hash)
}

func data(library []scenes.Scene, wasmSize int, hash string) (*PageData, error) {
	d := &PageData{Build: BuildInfo{Hash: hash, WasmSize: wasmSize}, Mistakes: map[string]scenes.Text{}}
	for k := mistakes.Kind(0); k < mistakes.NumKinds; k++ {
		en, ko := k.Messages()
		d.Mistakes[k.String()] = scenes.Text{"en": en, "ko": ko}
	}
	for _, s := range library {
		sd, err := sceneData(s)
		if err != nil {
			return nil, err
		}
		d.Scenes = append(d.Scenes, sd)
	}
	return d, nil
}

// sceneData runs one scene and renders its notes, checking both.
func sceneData(s scenes.Scene) (SceneData, error) {
	sd := SceneData{ID: s.ID, Titles: s.Titles, Source: s.Source, Speed: s.DefaultSpeed, Notes: map[string]NotesData{}, Course: s.Dir != ""}
	// The page runs every scene as "scene.py" (sys.argv[0] and logging
	// show it): so does the build, to play the same events.
	// As the page's module does, with the mistake detectors, so that the
	// events are the page's.
	res, _ := mistakes.Run([]byte(s.Source), engine.Options{Filename: "scene.py",
		Budgets: engine.Budgets{MaxSteps: engine.PageMaxSteps}})
	if e := res.Err; e != nil && (res.ExitCode == engine.ExitRefused || res.ExitCode == engine.ExitInternal || e.Kind == "budget") {
		at := *e
		at.File = s.Filename()
		if e.Kind == "budget" {
			at.Msg = "the scene does not finish within the page's limits (its " + e.Budget + " budget ran out here, " +
				"as in a loop that never ends): the page would stop it, so the build refuses it; make it end sooner"
		}
		return sd, &at
	}
	if res.Trace == nil {
		return sd, fmt.Errorf("%s does not run: %s", s.Filename(), res.Stderr)
	}
	sd.Events = res.Trace.Len()
	if s.Prompt != nil {
		// The page finds the answer in the run it plays; here, only
		// that there is one: every option is a line the scene prints.
		var out strings.Builder
		for _, c := range res.Output {
			out.WriteString(c.Text)
		}
		if _, err := s.Prompt.Answer(out.String()); err != nil {
			return sd, fmt.Errorf("%s: %w", s.File("predict.txt"), err)
		}
		sd.Prompt = s.Prompt
	}
	var rules []string // the first language's sections and moments
	first := ""
	for _, lang := range scenes.Languages {
		md, ok := s.Notes[lang]
		if !ok {
			continue
		}
		file := s.File("notes." + lang + ".md")
		r, err := notes.Render([]byte(md))
		if err != nil {
			var ne *notes.Error
			if errors.As(err, &ne) {
				return sd, fmt.Errorf("%s:%d:%d: %s", file, ne.Line, max(ne.Col, 1), ne.Msg)
			}
			return sd, fmt.Errorf("%s: %w", file, err)
		}
		if errs := notes.Follow(r, res.Trace.Events); len(errs) > 0 {
			var b strings.Builder
			for _, e := range errs {
				fmt.Fprintf(&b, "%s:%d:%d: %s\n", file, e.Line, e.Col, e.Msg)
			}
			return sd, fmt.Errorf("%swhere each section starts in the run of %s:%s", b.String(), s.Filename(), notes.Table(r, res.Trace.Events))
		}
		var these []string
		nd := NotesData{HTML: r.HTML, Sections: make([]SectionData, len(r.Sections))}
		for i, start := range notes.Starts(r.Sections, res.Trace.Events) {
			sec := r.Sections[i]
			nd.Sections[i] = SectionData{ID: sec.ID, When: sec.When.String(), Start: start}
			these = append(these, "{#"+sec.ID+"} {when: "+sec.When.String()+"}")
		}
		if rules == nil {
			rules, first = these, lang
		} else if !slices.Equal(rules, these) {
			return sd, fmt.Errorf("%s: its sections and moments differ from notes.%s.md's: both languages tell the same story, section by section:\n  notes.%s.md: %s\n  notes.%s.md: %s",
				file, first, first, strings.Join(rules, " "), lang, strings.Join(these, " "))
		}
		sd.Notes[lang] = nd
	}
	if len(sd.Notes) == 0 {
		return sd, fmt.Errorf("%s: no notes", s.File(""))
	}
	return sd, nil
}

// New assembles the site from the page's static files (web) and a built
// module, with a teacher's own scenes (course) after the built-in ones.
func New(web fs.FS, m *Module, course ...scenes.Scene) (*Site, error) {
	s := &Site{files: map[string]*File{}}
	err := fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		b, err := fs.ReadFile(web, p)
		if err != nil {
			return err
		}
		s.add(p, b, nil, nil)
		return nil
	})
	if err != nil {
		return nil, err
	}
	index, ok := s.files["index.html"]
	if !ok {
		return nil, fmt.Errorf("the page's files have no index.html")
	}
	raw, err := os.ReadFile(m.Path(WasmName))
	if err != nil {
		return nil, err
	}
	gz, err := os.ReadFile(m.Path(WasmName + ".gz"))
	if err != nil {
		return nil, err
	}
	br, err := os.ReadFile(m.Path(WasmName + ".br"))
	if err != nil {
		return nil, err
	}
	s.add(WasmName, raw, gz, br)
	exec, err := os.ReadFile(m.Path(WasmExecName))
	if err != nil {
		return nil, err
	}
	s.add(WasmExecName, exec, nil, nil)

	data, err := Data(len(raw), m.Hash, course...)
	if err != nil {
		return nil, err
	}
	js, err := json.Marshal(data) // escapes <, > and &, so it cannot close the script element
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(index.Data, []byte(DataMarker)) {
		return nil, fmt.Errorf("index.html lacks the %s marker", DataMarker)
	}
	page := bytes.Replace(index.Data, []byte(DataMarker),
		[]byte(`<script type="application/json" id="loopscope-data">`+string(js)+`</script>`), 1)
	s.add("index.html", page, nil, nil)
	return s, nil
}

// add stores a file; text files are compressed here, the module arrives
// compressed.
func (s *Site) add(name string, data, gz, br []byte) {
	f := &File{Name: name, Type: contentType(name), Data: data}
	if gz == nil && br == nil && len(data) > 1024 && compressible(f.Type) {
		gz, br = Compress(data)
	}
	if len(gz) < len(data) {
		f.Gzip = gz
	}
	if len(br) < len(data) {
		f.Brotli = br
	}
	sum := sha256.Sum256(data)
	f.etag = hex.EncodeToString(sum[:8])
	s.files[name] = f
}

// Files returns the site's files sorted by name.
func (s *Site) Files() []*File {
	var out []*File
	for _, f := range s.files {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b *File) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// File returns the file with the given name in the site.
func (s *Site) File(name string) (*File, bool) {
	f, ok := s.files[name]
	return f, ok
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".wasm":
		return "application/wasm"
	case ".json":
		return "application/json"
	case ".png":
		return "image/png"
	case ".ico":
		return "image/x-icon"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(typ string) bool {
	return strings.HasPrefix(typ, "text/") || strings.HasPrefix(typ, "image/svg") ||
		typ == "application/wasm" || typ == "application/json"
}

// ServeHTTP serves the site's files. "/" is index.html; any other path
// must name a file of the site exactly, so nothing outside it (../go.mod,
// encoded or not) can be reached. Compressed forms are chosen by
// Accept-Encoding.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	f, ok := s.files[name]
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	body, enc := f.Data, ""
	if f.Gzip != nil || f.Brotli != nil {
		h.Set("Vary", "Accept-Encoding")
		switch accepted := acceptedEncodings(r.Header.Get("Accept-Encoding")); {
		case f.Brotli != nil && accepted["br"]:
			body, enc = f.Brotli, "br"
		case f.Gzip != nil && accepted["gzip"]:
			body, enc = f.Gzip, "gzip"
		}
	}
	etag := `"` + f.etag + enc + `"`
	h.Set("Content-Type", f.Type)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", policy(r))
	h.Set("Cache-Control", "no-cache") // revalidate: an ETag answer costs one round trip
	h.Set("ETag", etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, etag) {
		// No body, so no Content-Encoding: the ETag already names the coding.
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	// The server's WriteTimeout suits a page file; the module, sent
	// uncompressed to a client on a slow link, needs longer.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(WriteTime(len(body))))
	_, _ = w.Write(body)
}

// acceptedEncodings parses Accept-Encoding, leaving out codings with q=0.
func acceptedEncodings(header string) map[string]bool {
	out := map[string]bool{}
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(p), "q="); ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		if coding != "" && q > 0 {
			out[coding] = true
		}
	}
	return out
}

func etagMatch(header, etag string) bool {
	for t := range strings.SplitSeq(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// WriteDir writes the site as static files into dir, the module with its
// .gz and .br beside it for hosts that serve precompressed files.
//
// A failure leaves no half site. When dir does not exist, the site is
// written into a new directory beside it, which is renamed to dir once
// complete. When dir exists, every file is first written under a
// temporary name in its place, and only when all are written are they
// renamed over the old ones: files of the same names are replaced,
// nothing else in dir is touched. WriteDir never writes through a
// symbolic link it did not make: where the site has a file or a folder,
// a link in dir is refused, by name, before anything is written.
func (s *Site) WriteDir(dir string) error {
	info, err := os.Stat(dir) // dir itself may be a link: the caller named it
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s.writeNewDir(dir)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s is not a directory", dir)
	}
	// Every file of the site, by its path in dir, and what to write there.
	type output struct {
		rel  string
		data []byte
		tmp  string // the temporary file written, until renamed
	}
	var outs []*output
	for _, f := range s.Files() {
		outs = append(outs, &output{rel: f.Name, data: f.Data})
		if f.Name == WasmName {
			if f.Gzip != nil {
				outs = append(outs, &output{rel: f.Name + ".gz", data: f.Gzip})
			}
			if f.Brotli != nil {
				outs = append(outs, &output{rel: f.Name + ".br", data: f.Brotli})
			}
		}
	}
	// Check every path first: a link or a folder where a file goes is
	// refused before anything is written.
	for _, o := range outs {
		parts := strings.Split(o.rel, "/")
		for i := range parts {
			rel := strings.Join(parts[:i+1], "/")
			fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel)))
			if errors.Is(err, fs.ErrNotExist) {
				break // made by WriteDir below
			}
			if err != nil {
				return err
			}
			last := i == len(parts)-1
			switch {
			case fi.Mode()&fs.ModeSymlink != 0:
				target, _ := os.Readlink(filepath.Join(dir, filepath.FromSlash(rel)))
				return fmt.Errorf("%s is a symbolic link (to %s): build writes no file through a link; remove it or choose another directory",
					filepath.Join(dir, filepath.FromSlash(rel)), target)
			case last && !fi.Mode().IsRegular(), !last && !fi.IsDir():
				return fmt.Errorf("%s is in the way: the site has a %s there", filepath.Join(dir, filepath.FromSlash(rel)),
					map[bool]string{true: "file", false: "folder"}[last])
			}
		}
	}
	cleanup := func() {
		for _, o := range outs {
			if o.tmp != "" {
				_ = os.Remove(o.tmp)
			}
		}
	}
	for _, o := range outs {
		p := filepath.Join(dir, filepath.FromSlash(o.rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			cleanup()
			return err
		}
		if o.tmp, err = writeTemp(filepath.Dir(p), filepath.Base(p), o.data); err != nil {
			cleanup()
			return err
		}
	}
	// Rename replaces a name; it never writes through a link that
	// appeared at it since the check.
	for _, o := range outs {
		if err := os.Rename(o.tmp, filepath.Join(dir, filepath.FromSlash(o.rel))); err != nil {
			cleanup()
			return err
		}
		o.tmp = ""
	}
	return nil
}

// writeNewDir writes the site into a new directory beside dir and renames
// it to dir once every file is in it.
func (s *Site) writeNewDir(dir string) error {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	err = os.Chmod(tmp, 0o755) // MkdirTemp makes it 0700
	if err == nil {
		err = s.WriteDir(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, dir)
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
	}
	return err
}

// createTemp is os.CreateTemp; tests make it fail part way.
var createTemp = os.CreateTemp

// writeTemp writes data to a new file in dir, with a temporary name
// made from name, and returns its path. The file is created afresh
// (O_EXCL), so nothing already at that path is followed.
func writeTemp(dir, name string, data []byte) (string, error) {
	f, err := createTemp(dir, "."+name+".tmp-")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// CheckBuildDir refuses a build directory inside the source tree at root,
// where the site's files would overwrite the page's own sources (build
// web would replace web/index.html). root/dist, which git and the
// module's hash both ignore, is allowed. Links are resolved first.
func CheckBuildDir(root, dir string) error {
	absRoot, err := realPath(root)
	if err != nil {
		return err
	}
	absDir, err := realPath(dir)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(absRoot, absDir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil // outside
	}
	if rel == "dist" || strings.HasPrefix(rel, "dist"+string(filepath.Separator)) {
		return nil
	}
	return fmt.Errorf("%s is inside loopscope's source tree (%s), where the site would overwrite source files; "+
		"choose a directory outside it, or %s", dir, absRoot, filepath.Join(absRoot, "dist"))
}

// realPath returns p made absolute with every link resolved, as far as p
// exists; the part that does not exist yet is kept as written.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for d := abs; ; d = filepath.Dir(d) {
		if real, err := filepath.EvalSymlinks(d); err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if filepath.Dir(d) == d {
			return abs, nil
		}
		rest = append([]string{filepath.Base(d)}, rest...)
	}
}
