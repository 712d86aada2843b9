package notes

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestRenderSections(t *testing.T) {
	src := "# Await\n\nIntro.\n\n## The event loop {#event-loop}\n\nOne thread.\n\n### Detail\n\nStill loop.\n\n" +
		"## await {#await}\n\nAt `await` it yields.\n\n## Plain\n\nNo section.\n\n## Future {#future}\n\nLast <b>raw</b>.\n"
	r, err := Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"event-loop", "await", "future"}; !slices.Equal(r.Sections, want) {
		t.Errorf("sections %q, want %q", r.Sections, want)
	}
	html := r.HTML
	for _, want := range []string{
		"<h1>Await</h1>",
		`<section class="note-section" data-section="event-loop">` + "\n" + `<h2 id="event-loop">The event loop</h2>`,
		"<h3>Detail</h3>\n<p>Still loop.</p>\n</section>",
		`<h2 id="await">await</h2>` + "\n<p>At <code>await</code> it yields.</p>\n</section>\n<h2>Plain</h2>",
		`<section class="note-section" data-section="future">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
	if strings.Contains(html, "<b>") {
		t.Errorf("raw HTML passed through:\n%s", html)
	}
	if strings.Count(html, "<section") != 3 || strings.Count(html, "</section>") != 3 {
		t.Errorf("unbalanced sections:\n%s", html)
	}
	// "Plain" is outside any section.
	plain := strings.Index(html, "<h2>Plain</h2>")
	if before := html[:plain]; strings.Count(before, "<section") != strings.Count(before, "</section>") {
		t.Errorf("a heading without an id stayed inside the section before it:\n%s", html)
	}
}

func TestRenderDuplicateSection(t *testing.T) {
	_, err := Render([]byte("## A {#await}\n\n## B {#await}\n"))
	if err == nil || !strings.Contains(err.Error(), `"await"`) {
		t.Errorf("err = %v, want a duplicate id error", err)
	}
}

func TestRenderNoSections(t *testing.T) {
	r, err := Render([]byte("# Title\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Sections == nil || len(r.Sections) != 0 || !strings.Contains(r.HTML, "<p>Text.</p>") {
		t.Errorf("%+v", r)
	}
}

// TestRenderConcurrently renders from many goroutines at once through the
// one shared goldmark: each call keeps its own sections (go test -race).
func TestRenderConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			id := fmt.Sprintf("s%d", i)
			src := fmt.Sprintf("# T%d\n\n## A {#%s}\n\ntext %d\n\n## B {#other}\n", i, id, i)
			for range 20 {
				r, err := Render([]byte(src))
				if err != nil {
					t.Error(err)
					return
				}
				if !slices.Equal(r.Sections, []string{id, "other"}) || !strings.Contains(r.HTML, fmt.Sprintf("<p>text %d</p>", i)) {
					t.Errorf("goroutine %d: %+v", i, r)
					return
				}
			}
			if _, err := Render([]byte("## A {#" + id + "}\n\n## B {#" + id + "}\n")); err == nil {
				t.Errorf("goroutine %d: a duplicate id passed", i)
			}
		})
	}
	wg.Wait()
}

// TestRenderNoExtensions: the notes are CommonMark with heading ids only;
// GitHub's tables, strikethrough and linkify are not part of it. Adding an
// extension grows the WebAssembly module (which renders the notes): measure
// it (go run ./scripts/wasmsize) before changing this test.
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

func FuzzRender(f *testing.F) {
	f.Add("## A {#await}\n\ntext\n\n### B\n\n## C {#future}\n")
	f.Add("# T\n\n```\n## not {#x}\n```\n")
	f.Fuzz(func(t *testing.T, src string) {
		r, err := Render([]byte(src))
		if err != nil {
			return
		}
		if strings.Count(r.HTML, "<section") != len(r.Sections) {
			t.Errorf("%d sections listed, %d rendered", len(r.Sections), strings.Count(r.HTML, "<section"))
		}
	})
}
