package scenes

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// A teacher's own scenes (`loopscope build DIR -scenes COURSE`) are laid
// out as the built-in ones: a folder per scene, named NN_topic, holding
// scene.py and its notes. They differ in three ways: the notes may be in
// one language or both (the page shows the other language's, and says so,
// when the learner's is missing); the folder name may hold ASCII letters,
// digits, "-" and "_" after its NN_; and they come after the built-in
// scenes, in the order of their folder names, under a group of their own
// in the page's scene picker. A teacher's scene named as a built-in one is
// an error: the name is the scene's id in links (#s=20_queue).

// LoadCourse reads a teacher's scenes from fsys, the folder dir (dir is
// the folder's name as the teacher gave it; the scenes' Dir and every
// message are made from it). dir is either a folder of scene folders or
// one scene folder itself (it holds scene.py). In a folder of scene
// folders, a subfolder named NN_topic is a scene and must hold scene.py;
// one that holds scene.py must be named NN_topic; other subfolders (of
// images, say) are left alone. The scenes come back sorted by name.
//
// Each scene is checked as the built-in library is when it loads: its
// scene.py's "# loopscope:" comment, a notes file in at least one of
// Languages, each with a "# Title", and predict.txt if it has one;
// besides, the files must be UTF-8 text
// and a notes file must be named for a language the page speaks. What
// they show when they run (the scene runs, the notes' moments) is checked
// when the site is built. An error names the file and, where there is
// one, the line and column (file:line:col: message).
func LoadCourse(fsys fs.FS, dir string) ([]Scene, error) {
	if _, err := fs.Stat(fsys, "scene.py"); err == nil {
		s, err := loadCourseScene(fsys, ".", filepath.Base(filepath.Clean(dir)), dir)
		if err != nil {
			return nil, err
		}
		return []Scene{s}, nil
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, unwrapPath(err))
	}
	var out []Scene
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		_, statErr := fs.Stat(fsys, path.Join(e.Name(), "scene.py"))
		if !isSceneDir(e.Name()) && statErr != nil {
			continue // not a scene: a folder of images, say
		}
		s, err := loadCourseScene(fsys, e.Name(), e.Name(), filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no scenes: want folders named NN_topic (such as 20_queue), each holding scene.py and notes.en.md or notes.ko.md", dir)
	}
	slices.SortFunc(out, func(a, b Scene) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// loadCourseScene reads the teacher's scene in the folder sub of fsys,
// whose name is id and whose path, for messages, is dir.
func loadCourseScene(fsys fs.FS, sub, id, dir string) (Scene, error) {
	s := Scene{ID: id, Dir: dir, Titles: Text{}, Notes: Text{}}
	if err := courseID(id); err != nil {
		return s, fmt.Errorf("%s: %w", dir, err)
	}
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(fsys, path.Join(sub, name))
		if err != nil {
			return "", err
		}
		if !utf8.Valid(b) {
			line, col := badUTF8(b)
			return "", fmt.Errorf("%s:%d:%d: not UTF-8 text: save the file as UTF-8", s.File(name), line, col)
		}
		return string(b), nil
	}
	var err error
	if s.Source, err = read("scene.py"); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return s, fmt.Errorf("%s: no scene.py: a scene's folder holds its Python program, scene.py", dir)
		}
		return s, err
	}
	if s.DefaultSpeed, err = ParseSpeed(s.Source); err != nil {
		return s, fmt.Errorf("%s:1:1: %w", s.Filename(), err)
	}
	entries, err := fs.ReadDir(fsys, sub)
	if err != nil {
		return s, fmt.Errorf("%s: %w", dir, unwrapPath(err))
	}
	for _, e := range entries {
		lang, isNotes := strings.CutPrefix(e.Name(), "notes.")
		lang, isMD := strings.CutSuffix(lang, ".md")
		if !isNotes || !isMD {
			continue // README.md, images...
		}
		if !slices.Contains(Languages, lang) {
			return s, fmt.Errorf("%s: notes in a language the page does not speak: name the notes notes.en.md (English) or notes.ko.md (Korean)", s.File(e.Name()))
		}
	}
	for _, lang := range Languages {
		name := "notes." + lang + ".md"
		md, err := read(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return s, err
		}
		t, line, err := title(md)
		if err != nil {
			if line == 0 {
				line = 1
			}
			return s, fmt.Errorf("%s:%d:1: %w", s.File(name), line, err)
		}
		s.Notes[lang], s.Titles[lang] = md, t
	}
	if len(s.Notes) == 0 {
		return s, fmt.Errorf("%s: no notes: write notes.en.md (English) or notes.ko.md (Korean), or both", dir)
	}
	// A question for the Predict mode, as a built-in scene may have.
	if src, err := read("predict.txt"); err == nil {
		if s.Prompt, err = ParsePrompt(src); err != nil {
			line, msg := 1, err.Error()
			if n, err := fmt.Sscanf(msg, "line %d:", &line); n == 1 && err == nil {
				_, msg, _ = strings.Cut(msg, ": ")
			}
			return s, fmt.Errorf("%s:%d:1: %s", s.File("predict.txt"), line, msg)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return s, err
	}
	return s, nil
}

// courseID checks a teacher's scene's folder name: NN_topic, the topic in
// ASCII letters, digits, "-" and "_", so that it reads the same in a link.
func courseID(id string) error {
	ok := isSceneDir(id)
	for _, c := range id {
		ok = ok && (c < 128 && (c == '_' || c == '-' || isDigit(byte(c)) || 'a' <= c|0x20 && c|0x20 <= 'z'))
	}
	if !ok {
		return fmt.Errorf("a scene's folder is named NN_topic: two digits (its place in the course), _, then letters, digits, - or _ (such as 20_queue), not %q", id)
	}
	return nil
}

// badUTF8 returns the line and column (in characters) of the first byte
// of b that is not UTF-8.
func badUTF8(b []byte) (line, col int) {
	line, col = 1, 1
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		b = b[n:]
	}
	return line, col
}

// unwrapPath drops the *fs.PathError's own path: the message names the
// folder as the teacher gave it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// WithCourse returns the built-in scenes followed by a teacher's (of one
// or more LoadCourse calls), in the order of their names. A teacher's
// scene with a built-in one's name, or two of the teacher's with one name,
// is an error naming both.
func WithCourse(course ...[]Scene) ([]Scene, error) {
	all := All()
	byID := map[string]Scene{}
	for _, s := range all {
		byID[s.ID] = s
	}
	var mine []Scene
	for _, c := range course {
		for _, s := range c {
			if old, ok := byID[s.ID]; ok {
				if old.Dir == "" {
					return nil, fmt.Errorf("%s: a built-in scene is named %s: rename the folder (such as %s_mine, or another number)", s.Dir, s.ID, s.ID)
				}
				return nil, fmt.Errorf("%s and %s: two scenes named %s: rename one of the folders", old.Dir, s.Dir, s.ID)
			}
			byID[s.ID] = s
			mine = append(mine, s)
		}
	}
	slices.SortFunc(mine, func(a, b Scene) int { return strings.Compare(a.ID, b.ID) })
	return append(all, mine...), nil
}
