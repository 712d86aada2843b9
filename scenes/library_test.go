package scenes

import (
	"maps"
	"strings"
	"testing"
	"testing/fstest"
)

func TestBuiltInLibrary(t *testing.T) {
	all, err := Load(library)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 2 {
		t.Fatalf("the library has %d scenes, want at least 2", len(all))
	}
	for i, s := range all {
		if i > 0 && all[i-1].ID >= s.ID {
			t.Errorf("scenes out of course order: %s before %s", all[i-1].ID, s.ID)
		}
		if s.Titles["en"] == "" || s.Titles["ko"] == "" {
			t.Errorf("%s: titles %+v", s.ID, s.Titles)
		}
		if !strings.Contains(s.Source, "asyncio") {
			t.Errorf("%s: scene.py does not use asyncio", s.ID)
		}
		if s.DefaultSpeed < MinSpeed || s.DefaultSpeed > MaxSpeed {
			t.Errorf("%s: default speed %g", s.ID, s.DefaultSpeed)
		}
		got, ok := Get(s.ID)
		if !ok || got.Source != s.Source {
			t.Errorf("Get(%q) = %v, %v", s.ID, got.ID, ok)
		}
	}
	if _, ok := Get("99_missing"); ok {
		t.Error("Get found a scene that does not exist")
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"10_later/scene.py":    {Data: []byte("import asyncio\n")},
		"10_later/notes.en.md": {Data: []byte("```\n# not a title\n```\n# Later {#later}\n")},
		"10_later/notes.ko.md": {Data: []byte("text\n\n# 나중 #\n")},
		"02_first/scene.py":    {Data: []byte("# loopscope: speed=2.5\nimport asyncio\n")},
		"02_first/notes.en.md": {Data: []byte("# First\n")},
		"02_first/notes.ko.md": {Data: []byte("# 처음\n")},
		"testdata/x.py":        {Data: []byte("")},
		"README.md":            {Data: []byte("")},
	}
	got, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "02_first" || got[1].ID != "10_later" {
		t.Fatalf("Load: %+v", got)
	}
	if got[0].DefaultSpeed != 2.5 || got[1].DefaultSpeed != 1 {
		t.Errorf("speeds %g, %g", got[0].DefaultSpeed, got[1].DefaultSpeed)
	}
	if !maps.Equal(got[0].Titles, Text{"en": "First", "ko": "처음"}) || !maps.Equal(got[1].Titles, Text{"en": "Later", "ko": "나중"}) {
		t.Errorf("titles %+v, %+v", got[0].Titles, got[1].Titles)
	}
	if got[1].Titles.In("ko") != "나중" || got[1].Titles.In("fr") != "Later" {
		t.Error("Text.In")
	}

	delete(fsys, "02_first/notes.ko.md")
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "notes.ko.md") {
		t.Errorf("missing notes: err = %v", err)
	}
	fsys["02_first/notes.ko.md"] = &fstest.MapFile{Data: []byte("no heading\n")}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "no title") {
		t.Errorf("no title: err = %v", err)
	}
	fsys["02_first/notes.ko.md"] = &fstest.MapFile{Data: []byte("# 처음\n")}

	// predict.txt is optional; when there, it must parse.
	fsys["10_later/predict.txt"] = &fstest.MapFile{Data: []byte("ask: first\nen: Which?\nko: 어느 것?\noption: a\noption: b\n")}
	got, err = Load(fsys)
	if err != nil || got[0].Prompt != nil || got[1].Prompt == nil || got[1].Prompt.Question["ko"] != "어느 것?" {
		t.Errorf("prompts: %v, %+v", err, got)
	}
	fsys["10_later/predict.txt"] = &fstest.MapFile{Data: []byte("ask: first\n")}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "10_later/predict.txt: no en question") {
		t.Errorf("bad predict.txt: err = %v", err)
	}
}

func TestParseSpeed(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want float64
		err  bool
	}{
		{"import asyncio\n", 1, false},
		{"# loopscope: speed=0.5\nimport asyncio\n", 0.5, false},
		{"#loopscope:speed=10", 10, false},
		{"# just a comment\n", 1, false},
		{"\n# loopscope: speed=3\n", 1, false}, // only the first line counts
		{"# loopscope: speed=0.01\n", 0, true},
		{"# loopscope: speed=fast\n", 0, true},
		{"# loopscope: speed=NaN\n", 0, true},
		{"# loopscope: colour=red\n", 0, true},
		{"# loopscope: speed\n", 0, true},
	} {
		got, err := ParseSpeed(tc.src)
		if (err != nil) != tc.err || (!tc.err && got != tc.want) {
			t.Errorf("ParseSpeed(%q) = %g, %v; want %g, error %v", tc.src, got, err, tc.want, tc.err)
		}
	}
}
