package notes

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"loopscope/scenes/trace"
)

func TestRenderSections(t *testing.T) {
	src := "# Await\n\nIntro.\n\n## The event loop {#event-loop}\n{when: line 3}\nOne thread.\n\n### Detail\n\nStill loop.\n\n" +
		"## await {#await}\n\n{when: print \"hi\", time 1}\n\nAt `await` it yields.\n\n## Plain\n\nNo section.\n\n## Future {#future}\n{when: event future.new}\n\nLast <b>raw</b>.\n"
	r, err := Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{IntroID, "event-loop", "await", "future"}; !slices.Equal(r.IDs(), want) {
		t.Errorf("sections %q, want %q", r.IDs(), want)
	}
	var rules []string
	for _, s := range r.Sections {
		rules = append(rules, s.When.String())
	}
	if want := []string{"", "line 3", `print "hi", time 1`, "event future.new"}; !slices.Equal(rules, want) {
		t.Errorf("rules %q, want %q", rules, want)
	}
	html := r.HTML
	for _, want := range []string{
		`<section class="note-section note-intro" data-section="intro">` + "\n<h1>Await</h1>\n<p>Intro.</p>\n</section>",
		`<section class="note-section" data-section="event-loop">` + "\n" + `<h2 id="event-loop">The event loop</h2>` + "\n<p>One thread.</p>",
		"<h3>Detail</h3>\n<p>Still loop.</p>\n</section>",
		`<h2 id="await">await</h2>` + "\n<p>At <code>await</code> it yields.</p>\n</section>\n<h2>Plain</h2>",
		`<section class="note-section" data-section="future">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
	if strings.Contains(html, "<b>") || strings.Contains(html, "when") {
		t.Errorf("raw HTML or a {when: ...} line shows:\n%s", html)
	}
	if strings.Count(html, "<section") != 4 || strings.Count(html, "</section>") != 4 {
		t.Errorf("unbalanced sections:\n%s", html)
	}
	// "Plain" is outside any section.
	plain := strings.Index(html, "<h2>Plain</h2>")
	if before := html[:plain]; strings.Count(before, "<section") != strings.Count(before, "</section>") {
		t.Errorf("a heading without an id stayed inside the section before it:\n%s", html)
	}
}

// TestRenderErrors: what a teacher can get wrong is refused with the line.
func TestRenderErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"## A {#await}\n{when: line 1}\n\n## B {#await}\n{when: line 2}\n", `line 4: section id "await" appears twice`},
		{"# T\n\n## A {#a}\n\nText.\n", `line 3: section "a" does not say which moment`},
		{"# T\n\n{when: line 2}\n", "line 3: a {when: ...} line belongs right under a section's heading"},
		{"# T\n\n## A {#a}\n{when: line 2}\nText\n{when: line 3}\n", "line 6: a {when: ...} line belongs right under"},
		{"## A {#a}\n{when: line 2}\n\n- {when: line 3}\n", "line 4: a {when: ...} line belongs right under"},
		{"## A {#a}\n{when: lines 2}\n", `line 2: {when: lines 2}: unknown condition "lines"`},
		{"## A {#a}\n{when: line 2\n", "line 2: a {when: ...} line ends with }"},
		{"## A {#intro}\n{when: line 2}\n", `line 1: the id "intro" is the introduction's`},
		{"## A {#a}\n{when: line 2}\n\n> ## B {#b}\n> {when: line 3}\n", "line 5: a {when: ...} line belongs right under"},
		{"## A {#a}\n{when: line 2}\n\n### B {#b}\n{when: line 3}\n", "line 5: a {when: ...} line belongs right under"},
	} {
		_, err := Render([]byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Render(%q) = %v, want an error with %q", tc.src, err, tc.want)
		}
	}
}

func TestRenderNoSections(t *testing.T) {
	r, err := Render([]byte("# Title\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.IDs(), []string{IntroID}) || !strings.Contains(r.HTML, "<p>Text.</p>") {
		t.Errorf("%+v", r)
	}
	r, err = Render(nil)
	if err != nil || r.Sections == nil || len(r.Sections) != 0 {
		t.Errorf("empty notes: %+v, %v", r, err)
	}
}

// TestRenderConcurrently renders from many goroutines at once through the
// one shared goldmark: each call keeps its own sections and {when: ...}
// lines (go test -race).
func TestRenderConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			id := fmt.Sprintf("s%d", i)
			src := fmt.Sprintf("# T%d\n\n## A {#%s}\n{when: line %d}\ntext %d\n\n## B {#other}\n{when: time %d}\n", i, id, i+1, i, i)
			for range 20 {
				r, err := Render([]byte(src))
				if err != nil {
					t.Error(err)
					return
				}
				if !slices.Equal(r.IDs(), []string{IntroID, id, "other"}) || !strings.Contains(r.HTML, fmt.Sprintf("<p>text %d</p>", i)) ||
					r.Sections[1].When.String() != fmt.Sprintf("line %d", i+1) || r.Sections[2].When.String() != fmt.Sprintf("time %d", i) {
					t.Errorf("goroutine %d: %+v", i, r)
					return
				}
			}
			if _, err := Render([]byte("## A {#" + id + "}\n{when: line 1}\n## B {#" + id + "}\n{when: line 1}\n")); err == nil {
				t.Errorf("goroutine %d: a duplicate id passed", i)
			}
		})
	}
	wg.Wait()
}

// TestRenderNoExtensions: the notes are CommonMark with heading ids and
// {when: ...} lines only; GitHub's tables, strikethrough and linkify are
// not part of it.
func TestRenderNoExtensions(t *testing.T) {
	r, err := Render([]byte("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ https://example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"<table", "<del", "<a "} {
		if strings.Contains(r.HTML, tag) {
			t.Errorf("%s rendered:\n%s", tag, r.HTML)
		}
	}
}

func TestParseWhen(t *testing.T) {
	for _, tc := range []struct{ src, want, err string }{
		{"line 12", "line 12", ""},
		{" line 12 - 14 ,time 2.50 ", "line 12-14, time 2.5", ""},
		{`print "ann, bob \"x\"", event task.cancel`, `print "ann, bob \"x\"", event task.cancel`, ""},
		{`print "먼저"`, `print "먼저"`, ""},
		{"", "", "no condition"},
		{"line", "", "line wants"},
		{"line 0", "", "line wants"},
		{"line 5-3", "", "line wants"},
		{"time -1", "", "time wants"},
		{"time NaN", "", "time wants"},
		{"time 1s", "", "time wants"},
		{`print ann`, "", "print wants"},
		{`print ""`, "", "print wants some text"},
		{`print "a" line 3`, "", `expected a comma before "line 3"`},
		{"event task.nope", "", "event wants"},
		{"line 3,", "", "nothing after the last comma"},
		{"clock 3", "", `unknown condition "clock"`},
	} {
		w, err := ParseWhen(tc.src)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseWhen(%q) = %v, %v; want an error with %q", tc.src, w, err, tc.err)
			}
			continue
		}
		if err != nil || w.String() != tc.want {
			t.Errorf("ParseWhen(%q) = %q, %v; want %q", tc.src, w.String(), err, tc.want)
		}
	}
}

func TestStartsAndLit(t *testing.T) {
	events := []trace.Event{
		{Kind: trace.ThreadNew},
		{Kind: trace.TaskStep, Line: 12},
		{Kind: trace.Print, Line: 13, Text: "ann reads 100\n"},
		{Kind: trace.TaskStep, Line: 12, Time: 0.1},
		{Kind: trace.Print, Line: 15, Text: "bob reads 100\n", Time: 0.1},
		{Kind: trace.TaskCancel, Line: 20, Time: 2},
	}
	secs := func(rules ...string) []Section {
		s := []Section{{ID: IntroID}}
		for i, r := range rules {
			w, err := ParseWhen(r)
			if err != nil {
				t.Fatal(err)
			}
			s = append(s, Section{ID: fmt.Sprint("s", i), When: w})
		}
		return s
	}
	starts := Starts(secs("line 12", `print "bob"`, "line 12, time 0.1", "event task.cancel", "time 1.5", "line 99", `print "ann", line 15`), events)
	if want := []int{0, 1, 4, 3, 5, 5, -1, -1}; !slices.Equal(starts, want) {
		t.Fatalf("starts %v, want %v", starts, want)
	}
	var lit []int
	for i := range events {
		lit = append(lit, Lit(starts, i))
	}
	// At event 5 two sections start: the later one in the notes is lit.
	if want := []int{0, 1, 1, 3, 2, 5}; !slices.Equal(lit, want) {
		t.Errorf("lit %v, want %v", lit, want)
	}
	if got := Lit([]int{-1, 3}, 2); got != -1 {
		t.Errorf("lit before any start: %d", got)
	}
}

// whenShown finds a {when: ...} line that reached the HTML as text, outside
// code blocks.
var whenShown = regexp.MustCompile(`(^|\n|<p>|<li>)\s*\{when:`)

func FuzzRender(f *testing.F) {
	f.Add("## A {#await}\n{when: line 3}\ntext\n\n### B\n\n## C {#future}\n\n{when: print \"x\", time 2}\n")
	f.Add("# T\n\n```\n## not {#x}\n{when: line 1}\n```\n")
	f.Add("# T\n\n> {when: line 2}\n\n- a\n  {when: event task.new}\n")
	f.Fuzz(func(t *testing.T, src string) {
		r, err := Render([]byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Errorf("an error without its line: %v", err)
			}
			return
		}
		if strings.Count(r.HTML, `<section class="note-section`) != len(r.Sections) {
			t.Errorf("%d sections listed, %d rendered", len(r.Sections), strings.Count(r.HTML, "<section"))
		}
		for i, s := range r.Sections {
			if (s.ID == IntroID) != (i == 0 && len(s.When.Terms) == 0) {
				t.Errorf("section %d %q: rule %q", i, s.ID, s.When.String())
			}
			if s.ID != IntroID {
				if again, err := ParseWhen(s.When.String()); err != nil || again.String() != s.When.String() {
					t.Errorf("section %q: rule %q reads back as %q, %v", s.ID, s.When.String(), again.String(), err)
				}
			}
		}
		outside := regexp.MustCompile(`(?s)<pre>.*?</pre>`).ReplaceAllString(r.HTML, "")
		if whenShown.MatchString(outside) {
			t.Errorf("a {when: ...} line shows as text:\n%s", r.HTML)
		}
	})
}

func FuzzParseWhen(f *testing.F) {
	f.Add(`line 12-14, time 2.5, print "a, \"b\"", event task.cancel`)
	f.Fuzz(func(t *testing.T, src string) {
		w, err := ParseWhen(src)
		if err != nil {
			return
		}
		again, err := ParseWhen(w.String())
		if err != nil || again.String() != w.String() || len(again.Terms) != len(w.Terms) {
			t.Errorf("%q reads as %q, which reads back as %q, %v", src, w.String(), again.String(), err)
		}
	})
}

// TestErrorPositions: a notes error carries the line and column of what
// it is about (the heading's first #, the {when: ...} line's brace), for
// the build's file:line:col messages.
func TestErrorPositions(t *testing.T) {
	for _, tc := range []struct {
		src       string
		line, col int
	}{
		{"# T\n\n  ## A {#a}\n\nText.\n", 3, 3},
		{"# 제목\n\n## 가 {#a}\n{when: lines 2}\n", 4, 1},
		{"## A {#intro}\n{when: line 2}\n", 1, 1},
	} {
		_, err := Render([]byte(tc.src))
		var e *Error
		if !errors.As(err, &e) || e.Line != tc.line || e.Col != tc.col {
			t.Errorf("Render(%q) = %v, want an *Error at %d:%d", tc.src, err, tc.line, tc.col)
		}
	}
	r, err := Render([]byte("# T\n\n## A {#a}\n{when: line 1}\n\n   ## B {#b}\n{when: line 2}\n"))
	if err != nil || r.Sections[1].Line != 3 || r.Sections[1].Col != 1 || r.Sections[2].Line != 6 || r.Sections[2].Col != 4 {
		t.Errorf("sections %+v, %v", r, err)
	}
}

// TestFollow: notes that do not follow their scene's run are refused at
// the heading of the section concerned.
func TestFollow(t *testing.T) {
	events := []trace.Event{
		{Kind: trace.ThreadNew, Line: 0},
		{Kind: trace.Print, Line: 3, Text: "one"},
		{Kind: trace.Print, Line: 4, Text: "two", Time: 1},
	}
	for _, tc := range []struct{ src, want string }{
		{"# T\n\n## A {#a}\n{when: line 3}\n\n## B {#b}\n{when: line 4}\n", ""},
		{"# T\n\n## A {#a}\n{when: line 3}\n", "1:1: the notes want an introduction"},
		{"## A {#a}\n{when: line 3}\n\n## B {#b}\n{when: line 4}\n\n## C {#c}\n{when: time 1}\n", "1:1: the notes want an introduction"},
		{"# T\n\n## A {#a}\n{when: line 3}\n\n## B {#b}\n{when: line 9}\n", `6:1: section {#b} is never lit: no event of the run meets {when: line 9}`},
		{"# T\n\n## A {#a}\n{when: line 4}\n\n## B {#b}\n{when: line 3}\n", "6:1: section {#b} starts at event 2, not after the section above it ({#a}, at event 3)"},
		{"# T\n\n## A {#a}\n{when: line 4}\n\n## B {#b}\n{when: time 1}\n", "3:1: section {#a} is never lit: a later section ({#b}) starts at the same event, 3"},
	} {
		r, err := Render([]byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range Follow(r, events) {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg))
		}
		if tc.want == "" && len(got) > 0 || tc.want != "" && (len(got) == 0 || !strings.HasPrefix(got[0], tc.want)) {
			t.Errorf("Follow(%q) = %q, want %q%s", tc.src, got, tc.want, Table(r, events))
		}
	}
}
