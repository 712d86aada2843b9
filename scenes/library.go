// Package scenes is loopscope's built-in library of scenes: one folder per
// scene, named NN_topic (NN gives the course order), holding scene.py (real
// Python that python3 runs as well) and its study notes, notes.en.md and
// notes.ko.md. The folders are embedded in the binary, so the CLI, the
// server and the static build all carry the same library.
//
// A scene may choose its default playback speed with a comment on its first
// line:
//
//	# loopscope: speed=0.5
//
// and may name the tasks it is about, by task name or coroutine function,
// with comments anywhere in scene.py (playback.Witnesses reads them):
//
//	# witness: heartbeat
//
// On a small stage, where not every task gets a card, the witnesses' cards
// are the last to fold into "+N more" (16_blocking names its heartbeat).
//
// A scene may also carry predict.txt, the question the page's Predict mode
// asks about it (see Prompt).
package scenes

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed [0-9][0-9]_*
var library embed.FS

// Languages are the languages every scene's notes are written in, in the
// order the page offers them.
var Languages = []string{"en", "ko"}

// Text is something written once per language, keyed by language ("en",
// "ko").
type Text map[string]string

// In returns the text in the language lang, falling back to English for a
// language it is not written in.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok {
		return s
	}
	return t["en"]
}

// Scene is one built-in scene.
type Scene struct {
	ID           string  // the folder's name, e.g. "03_await"
	Titles       Text    // from the first "# " heading of each notes file
	Source       string  // scene.py
	Notes        Text    // notes.en.md and notes.ko.md, markdown
	DefaultSpeed float64 // from "# loopscope: speed=X" on scene.py's first line; 1 if absent
	Prompt       *Prompt // from predict.txt, the Predict mode's question; nil if absent
	// Dir is where a teacher's scene (LoadCourse) was read from, as the
	// teacher named it, e.g. "course/20_queue"; empty for a built-in
	// scene. A teacher's scene may have notes in one language only.
	Dir string
}

// Filename returns the name the scene's errors and tracebacks show,
// e.g. "03_await/scene.py", or for a teacher's scene its path,
// "course/20_queue/scene.py".
func (s Scene) Filename() string {
	if s.Dir != "" {
		return filepath.Join(s.Dir, "scene.py")
	}
	return s.ID + "/scene.py"
}

// File returns the path of one of the scene's files for a message:
// "03_await/notes.ko.md", "course/20_queue/notes.ko.md".
func (s Scene) File(name string) string {
	if s.Dir != "" {
		return filepath.Join(s.Dir, name)
	}
	return s.ID + "/" + name
}

// Speed limits: the page's speed control ranges over [MinSpeed, MaxSpeed].
const (
	MinSpeed = 0.1
	MaxSpeed = 10
)

var (
	loadOnce sync.Once
	loaded   []Scene
	loadErr  error
)

// All returns the built-in scenes in course order. The library is checked
// by the package's tests; a malformed built-in scene is a bug and panics.
func All() []Scene {
	loadOnce.Do(func() { loaded, loadErr = Load(library) })
	if loadErr != nil {
		panic("scenes: built-in library: " + loadErr.Error())
	}
	out := make([]Scene, len(loaded))
	for i, s := range loaded {
		s.Titles, s.Notes = maps.Clone(s.Titles), maps.Clone(s.Notes)
		if s.Prompt != nil {
			p := *s.Prompt
			p.Question, p.Options = maps.Clone(p.Question), slices.Clone(p.Options)
			s.Prompt = &p
		}
		out[i] = s
	}
	return out
}

// Get returns the built-in scene with the given id.
func Get(id string) (Scene, bool) {
	for _, s := range All() {
		if s.ID == id {
			return s, true
		}
	}
	return Scene{}, false
}

// Load reads a library laid out as the built-in one: every top-level
// folder named NN_topic is a scene. The scenes come back sorted by folder
// name, which puts them in course order.
func Load(fsys fs.FS) ([]Scene, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var out []Scene
	for _, e := range entries {
		if !e.IsDir() || !isSceneDir(e.Name()) {
			continue
		}
		s, err := loadScene(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Scene) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// isSceneDir reports whether name has the NN_topic form.
func isSceneDir(name string) bool {
	return len(name) > 3 && isDigit(name[0]) && isDigit(name[1]) && name[2] == '_'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func loadScene(fsys fs.FS, id string) (Scene, error) {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(fsys, path.Join(id, name))
		if err != nil {
			return "", fmt.Errorf("scene %s: %w", id, err)
		}
		return string(b), nil
	}
	s := Scene{ID: id, Titles: Text{}, Notes: Text{}}
	var err error
	if s.Source, err = read("scene.py"); err != nil {
		return s, err
	}
	if s.DefaultSpeed, err = ParseSpeed(s.Source); err != nil {
		return s, fmt.Errorf("%s/scene.py:1: %w", id, err)
	}
	for _, lang := range Languages {
		name := "notes." + lang + ".md"
		if s.Notes[lang], err = read(name); err != nil {
			return s, err
		}
		if s.Titles[lang], _, err = title(s.Notes[lang]); err != nil {
			return s, fmt.Errorf("%s/%s: %w", id, name, err)
		}
	}
	if b, err := fs.ReadFile(fsys, path.Join(id, "predict.txt")); err == nil {
		if s.Prompt, err = ParsePrompt(string(b)); err != nil {
			return s, fmt.Errorf("%s/predict.txt: %w", id, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return s, fmt.Errorf("scene %s: %w", id, err)
	}
	return s, nil
}

// title returns the text of the first level-one ATX heading ("# Title")
// outside fenced code blocks. An empty title's error comes with its line
// (line is 0 when there is no title at all).
func title(md string) (t string, line int, err error) {
	fence := ""
	for text := range strings.Lines(md) {
		line++
		text = strings.TrimRight(text, "\r\n")
		trimmed := strings.TrimLeft(text, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if len(text)-len(trimmed) > 3 {
			continue // an indented code block
		}
		if t, ok := strings.CutPrefix(trimmed, "# "); ok {
			t = strings.TrimSpace(t)
			// Drop an attribute block such as {#id} and closing #s.
			if i := strings.LastIndex(t, "{"); i >= 0 && strings.HasSuffix(t, "}") {
				t = strings.TrimSpace(t[:i])
			}
			t = strings.TrimSpace(strings.TrimRight(t, "#"))
			if t == "" {
				return "", line, fmt.Errorf("empty title")
			}
			return t, line, nil
		}
	}
	return "", 0, fmt.Errorf(`no title: want a first "# " heading`)
}

// ParseSpeed reads a scene's default speed from a comment on the first
// line of its source, "# loopscope: speed=0.5". Without one the speed is 1.
// A malformed comment, an unknown key or a speed outside
// [MinSpeed, MaxSpeed] is an error.
func ParseSpeed(src string) (float64, error) {
	first, _, _ := strings.Cut(src, "\n")
	first = strings.TrimSpace(strings.TrimPrefix(first, "\ufeff"))
	rest, ok := strings.CutPrefix(first, "#")
	if !ok {
		return 1, nil
	}
	rest, ok = strings.CutPrefix(strings.TrimSpace(rest), "loopscope:")
	if !ok {
		return 1, nil
	}
	speed := 1.0
	for _, field := range strings.Fields(rest) {
		key, val, ok := strings.Cut(field, "=")
		if !ok {
			return 0, fmt.Errorf("loopscope comment: want key=value, got %q", field)
		}
		switch key {
		case "speed":
			f, err := strconv.ParseFloat(val, 64)
			if err != nil || !(f >= MinSpeed && f <= MaxSpeed) {
				return 0, fmt.Errorf("loopscope comment: speed %q is not a number in [%g, %g]", val, float64(MinSpeed), float64(MaxSpeed))
			}
			speed = f
		default:
			return 0, fmt.Errorf("loopscope comment: unknown key %q", key)
		}
	}
	return speed, nil
}
