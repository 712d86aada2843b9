package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"loopscope/scenes"
)

// pageDataOf reads the page's data out of a built index.html.
func pageDataOf(t *testing.T, page string) PageData {
	t.Helper()
	const open = `<script type="application/json" id="loopscope-data">`
	start := strings.Index(page, open)
	end := strings.Index(page[max(start, 0):], "</script>")
	if start < 0 || end < 0 {
		t.Fatalf("no page data in %.200q", page)
	}
	var d PageData
	if err := json.Unmarshal([]byte(page[start+len(open):start+end]), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCourseBuild builds the site with the README's example course
// (examples/course: one scene with notes in both languages, one with
// Korean notes only) and reads what the page receives: the built-in
// scenes, then the teacher's, marked as a course's, with only the
// languages written.
func TestCourseBuild(t *testing.T) {
	course, err := scenes.LoadCourse(os.DirFS("../../examples/course"), "examples/course")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := fakeModule(t)
	s, err := New(testWeb, m, course...)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := s.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	d := pageDataOf(t, string(page))
	builtIn := len(scenes.All())
	if len(d.Scenes) != builtIn+2 {
		t.Fatalf("%d scenes, want the %d built-in ones and 2 of the course", len(d.Scenes), builtIn)
	}
	for i, sd := range d.Scenes {
		if sd.Course != (i >= builtIn) {
			t.Errorf("scene %d %s: course %v", i, sd.ID, sd.Course)
		}
	}
	both, ko := d.Scenes[builtIn], d.Scenes[builtIn+1]
	if both.ID != "20_coffee_orders" || ko.ID != "21_wait_for_ko" {
		t.Fatalf("course scenes %s, %s", both.ID, ko.ID)
	}
	if both.Speed != 0.75 || both.Titles["en"] != "Coffee orders: gather keeps your order" || both.Titles["ko"] == "" ||
		len(both.Notes["en"].Sections) != 4 || len(both.Notes["ko"].Sections) != 4 || both.Events < 10 {
		t.Errorf("20_coffee_orders: %+v", both)
	}
	if _, ok := ko.Notes["en"]; ok || ko.Titles["en"] != "" || ko.Titles["ko"] != "wait_for: 기다리는 시간에 한도 두기" {
		t.Errorf("21_wait_for_ko has English: titles %q", ko.Titles)
	}
	starts := []int{}
	for _, sec := range ko.Notes["ko"].Sections {
		starts = append(starts, sec.Start)
	}
	if len(starts) != 3 || starts[0] != 0 || !(starts[1] > 0 && starts[2] > starts[1]) {
		t.Errorf("21_wait_for_ko's sections start at %v", starts)
	}

	// One scene folder given by itself is a course of one scene.
	one, err := scenes.LoadCourse(os.DirFS("../../examples/course/21_wait_for_ko"), "examples/course/21_wait_for_ko")
	if err != nil || len(one) != 1 || one[0].ID != "21_wait_for_ko" || one[0].Filename() != filepath.Join("examples/course/21_wait_for_ko", "scene.py") {
		t.Errorf("one scene folder: %+v, %v", one, err)
	}
}

// TestCourseErrors: a teacher's mistake fails the build with a message
// that names the file, and the line and column where it is.
func TestCourseErrors(t *testing.T) {
	const src = "import asyncio\n\n\nasync def main():\n    print(\"one\")\n    await asyncio.sleep(1)\n    print(\"two\")\n\n\nasyncio.run(main())\n"
	const en = "# Title\n\nIntro.\n\n## One {#one}\n{when: print \"one\"}\nText.\n\n## Two {#two}\n{when: print \"two\"}\nText.\n"
	const ko = "# 제목\n\n소개.\n\n## 하나 {#one}\n{when: print \"one\"}\n글.\n\n## 둘 {#two}\n{when: print \"two\"}\n글.\n"
	scene := func(files ...string) fstest.MapFS {
		fsys := fstest.MapFS{}
		for i := 0; i+1 < len(files); i += 2 {
			fsys[files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
		}
		return fsys
	}
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"syntax error", scene("22_x/scene.py", "import asyncio\n\nasync def main(:\n    pass\n", "22_x/notes.en.md", en),
			"course/22_x/scene.py:3:16: invalid syntax"},
		{"outside the subset", scene("22_x/scene.py", "import asyncio\nf = open('x')\n", "22_x/notes.en.md", en),
			"course/22_x/scene.py:2:5: open() is not available in scenes"},
		{"never ends", scene("22_x/scene.py", "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1000)\n\nasyncio.run(main())\n", "22_x/notes.en.md", en),
			"course/22_x/scene.py:5:15: the scene does not finish within the page's limits (its time budget"},
		{"bad speed", scene("22_x/scene.py", "# loopscope: speed=fast\n"+src, "22_x/notes.en.md", en),
			`course/22_x/scene.py:1:1: loopscope comment: speed "fast"`},
		{"bad moment", scene("22_x/scene.py", src, "22_x/notes.en.md", strings.Replace(en, "print \"two\"", "prnt \"two\"", 1)),
			`course/22_x/notes.en.md:10:1: {when: prnt "two"}: unknown condition "prnt"`},
		{"never lit", scene("22_x/scene.py", src, "22_x/notes.ko.md", strings.Replace(ko, "print \"two\"", "print \"three\"", 1)),
			"course/22_x/notes.ko.md:9:1: section {#two} is never lit: no event of the run meets {when: print \"three\"}"},
		{"out of order", scene("22_x/scene.py", src, "22_x/notes.en.md", "# T\n\nIntro.\n\n## One {#one}\n{when: print \"two\"}\nText.\n\n## Two {#two}\n{when: print \"one\"}\n"),
			"course/22_x/notes.en.md:9:1: section {#two} starts at event 12, not after the section above it ({#one}, at event 33)"},
		{"no sections", scene("22_x/scene.py", src, "22_x/notes.en.md", "# Title\n\nJust words.\n"),
			"course/22_x/notes.en.md:1:1: the notes want an introduction"},
		{"no title", scene("22_x/scene.py", src, "22_x/notes.en.md", "Words.\n\n## One {#one}\n{when: print \"one\"}\n"),
			`course/22_x/notes.en.md:1:1: no title: want a first "# " heading`},
		{"languages differ", scene("22_x/scene.py", src, "22_x/notes.en.md", en, "22_x/notes.ko.md", strings.Replace(ko, "{#two}", "{#deux}", 1)),
			"course/22_x/notes.ko.md: its sections and moments differ from notes.en.md's"},
		{"no notes", scene("22_x/scene.py", src), "course/22_x: no notes: write notes.en.md (English) or notes.ko.md (Korean)"},
		{"unknown language", scene("22_x/scene.py", src, "22_x/notes.en.md", en, "22_x/notes.kr.md", ko),
			"course/22_x/notes.kr.md: notes in a language the page does not speak"},
		{"not UTF-8", scene("22_x/scene.py", src, "22_x/notes.en.md", "# Title\n\nCaf\xe9.\n"),
			"course/22_x/notes.en.md:3:4: not UTF-8 text"},
		{"no scene.py", scene("22_x/notes.en.md", en), "course/22_x: no scene.py"},
		{"folder name", scene("hello/scene.py", src, "hello/notes.en.md", en), `course/hello: a scene's folder is named NN_topic`},
		{"folder name with a space", scene("22 x/scene.py", src, "22 x/notes.en.md", en), `a scene's folder is named NN_topic`},
		{"a built-in's name", scene("03_tasks/scene.py", src, "03_tasks/notes.en.md", en), "course/03_tasks: a built-in scene is named 03_tasks: rename the folder"},
		{"no scenes", scene("images/x.png", "png"), "course: no scenes: want folders named NN_topic"},
		{"a bad question", scene("22_x/scene.py", src, "22_x/notes.en.md", en, "22_x/predict.txt", "ask: first\nen: Which?\nko: 어느 것?\noption: one\noption one\n"),
			`course/22_x/predict.txt:5:1: want "key: value"`},
		{"a question the run does not answer", scene("22_x/scene.py", src, "22_x/notes.en.md", en, "22_x/predict.txt", "ask: first\nen: Which?\nko: 어느 것?\noption: one\noption: three\n"),
			`course/22_x/predict.txt: option "three" is not a line the scene prints`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkCourse(tc.fsys, "course")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v\nwant one with %q", err, tc.want)
			}
		})
	}
	// And the good scene passes, in one language or both.
	if err := checkCourse(scene("22_x/scene.py", src, "22_x/notes.en.md", en, "22_x/notes.ko.md", ko, "22_x/images/a.png", "png", "22_x/README.md", "# For the teacher\n",
		"22_x/predict.txt", "ask: last\nen: Which?\nko: 어느 것?\noption: one\noption: two\n"), "course"); err != nil {
		t.Errorf("a good scene: %v", err)
	}
}

// checkCourse loads a course and checks it as Data does, without running
// the built-in scenes each time.
func checkCourse(fsys fstest.MapFS, dir string) error {
	course, err := scenes.LoadCourse(fsys, dir)
	if err != nil {
		return err
	}
	if _, err := scenes.WithCourse(course); err != nil {
		return err
	}
	for _, s := range course {
		if _, err := sceneData(s); err != nil {
			return err
		}
	}
	return nil
}
